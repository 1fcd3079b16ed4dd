// Shared JSON schemas; the response keys of each route document what it answers.
export const Item = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
};
export const ItemList = { type: 'array', items: Item };
export const ErrorBody = { type: 'object', properties: { error: { type: 'string' } } };
export const IdParams = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };
export const NewItem = {
  type: 'object',
  required: ['name', 'price'],
  properties: { name: { type: 'string', minLength: 1 }, price: { type: 'number', minimum: 0 } },
};
