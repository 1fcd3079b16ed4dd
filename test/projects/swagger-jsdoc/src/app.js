import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { books } from './routes/books.js';
import { spec } from './swagger.js';

const app = express();
app.use(express.json());
app.use('/api/books', books);
app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec));

app.listen(3000);
