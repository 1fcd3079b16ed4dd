// Source snippets several test files drive the server with.

/** An Express route whose "not found" branch answers 200 with `success: false` (error-in-success-response). */
export const FAILING_HANDLER = `const express = require('express');
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(200).json({ success: false, error: 'User not found' });
  }
  res.status(200).json(user);
});
`;
