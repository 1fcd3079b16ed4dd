import { Router } from 'express';
import { Conflict, NotFound, requireScope, sendProblem } from '@acme/http-errors';
import { db } from '../db.js';

export const customers = Router();

customers.get('/:id', async (req, res) => {
  const customer = await db.customer.findUnique({ where: { id: req.params.id } });
  if (!customer) throw new NotFound(`No customer ${req.params.id}`);
  res.json(customer);
});

customers.post('/', requireScope('customers:write'), async (req, res) => {
  if (!req.body?.email) return sendProblem(res, 400, 'Bad Request', 'email is required');
  if (await db.customer.findUnique({ where: { email: req.body.email } })) throw new Conflict('Email already registered');
  const customer = await db.customer.create({ data: { email: req.body.email } });
  res.status(201).location(`/v1/customers/${customer.id}`).json(customer);
});
