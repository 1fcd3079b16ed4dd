import { Router } from 'express';
import { requireLibrarian } from '../auth.js';

export const books = Router();
const shelf = new Map();

/**
 * @openapi
 * /books/{id}:
 *   get:
 *     summary: Get a book
 *     parameters:
 *       - { name: id, in: path, required: true, schema: { type: string } }
 *     responses:
 *       200:
 *         description: The book
 *       404:
 *         description: No book has this id
 */
books.get('/:id', (req, res) => {
  const book = shelf.get(req.params.id);
  if (!book) return res.status(404).json({ error: 'No book has this id' });
  res.json(book);
});

/**
 * @openapi
 * /books:
 *   post:
 *     summary: Add a book
 *     responses:
 *       201:
 *         description: Added
 *       400:
 *         description: isbn and title are required
 *       # Problem [documented-status-never-returned]: the route never answers 422.
 *       422:
 *         description: The ISBN checksum is wrong
 */
books.post('/', (req, res) => {
  const { isbn, title } = req.body ?? {};
  if (!isbn || !title) return res.status(400).json({ error: 'isbn and title are required' });
  // Problem [undocumented-status]: the @openapi block of POST /books has no 409.
  if (shelf.has(isbn)) return res.status(409).json({ error: 'This ISBN is already on the shelf' });
  shelf.set(isbn, { id: isbn, title });
  res.status(201).location(`/api/books/${isbn}`).json({ id: isbn, title });
});

/**
 * @openapi
 * /books/{id}:
 *   delete:
 *     summary: Remove a book (librarians)
 *     responses:
 *       204:
 *         description: Removed
 *       4XX:
 *         description: Not a librarian (401), or no book has this id (404)
 */
books.delete('/:id', requireLibrarian, (req, res) => {
  // Look-alike [undocumented-status]: the '4XX' response covers this 404.
  if (!shelf.delete(req.params.id)) return res.status(404).json({ error: 'No book has this id' });
  res.sendStatus(204);
});
