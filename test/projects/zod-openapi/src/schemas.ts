import { z } from '@hono/zod-openapi';

export const UserSchema = z.object({ id: z.string(), email: z.string().email(), name: z.string() }).openapi('User');
export const NewUserSchema = z.object({ email: z.string().email(), name: z.string().min(1) }).openapi('NewUser');
export const ErrorSchema = z.object({ error: z.string() }).openapi('Error');
export const IdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
