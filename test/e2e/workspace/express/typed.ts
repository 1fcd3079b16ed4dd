import express, { type Request, type Response } from 'express';

const app = express();

app.post('/signup', (req: Request, res: Response) => {
  res.status(200).json({ success: false, error: 'x' });
});

export default app;
