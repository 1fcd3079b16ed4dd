import swaggerJsdoc from 'swagger-jsdoc';

// The spec is assembled from the @openapi blocks in the route files.
export const spec = swaggerJsdoc({
  definition: {
    openapi: '3.0.3',
    info: { title: 'Library API', version: '1.0.0' },
    servers: [{ url: '/api' }],
  },
  apis: ['./src/routes/*.js'],
});
