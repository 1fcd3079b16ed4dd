import express from 'express';
import { users } from './routes/users.js';

const app = express();
// Look-alike [undocumented-status]: express.json()'s 413 is not compared with the docs (body parsers are left out).
app.use(express.json());
app.use('/api/users', users);

app.listen(3000);
