import express from 'express';
import { jwtVerify } from 'jose';
import { authenticate, problemHandler } from '@acme/http-errors';
import { customers } from './routes/customers.js';
import { invoices } from './routes/invoices.js';

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

async function verifyToken(token: string) {
  try {
    const { payload } = await jwtVerify(token, secret);
    return { sub: String(payload.sub), scopes: String(payload.scope ?? '').split(' ') };
  } catch {
    return null;
  }
}

const app = express();
app.use(express.json());
app.use('/v1', authenticate(verifyToken));
app.use('/v1/customers', customers);
app.use('/v1/invoices', invoices);
app.use(problemHandler());

app.listen(8080);
