// Shared HTTP error handling for the company's Express services.
export * from './errors.js';
export { sendProblem } from './respond.js';
export { problemHandler } from './handler.js';
export { authenticate, requireScope, type Verify } from './auth.js';
