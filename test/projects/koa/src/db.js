import knex from 'knex';

export const sql = knex({ client: 'pg', connection: process.env.DATABASE_URL });

// Throws when the article does not exist, and on any database failure.
export async function getArticleBySlug(slug) {
  const article = await sql('articles').where({ slug }).first();
  if (!article) throw new Error(`no article ${slug}`);
  return article;
}
