import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireRole, requireUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { ApiError, ValidationError } from '@/lib/errors';
import { withErrors } from '@/lib/withErrors';

const NewPost = z.object({ title: z.string().min(1), body: z.string() });

export const GET = withErrors(async (request: Request) => {
  const tag = new URL(request.url).searchParams.get('tag');
  return NextResponse.json(await db.post.findMany({ where: tag ? { tag } : {} }));
});

export const POST = withErrors(async (request: Request) => {
  const user = await requireUser();
  requireRole(user, 'editor');
  const parsed = NewPost.safeParse(await request.json());
  if (!parsed.success) throw new ValidationError(parsed.error.issues);
  const since = new Date(Date.now() - 24 * 3600 * 1000);
  const recent = await db.post.count({ where: { authorId: user.id, createdAt: { gte: since } } });
  if (recent >= 10) throw new ApiError('Daily post limit reached', 429);
  const post = await db.post.create({ data: { ...parsed.data, authorId: user.id } });
  return NextResponse.json(post, { status: 201, headers: { Location: `/api/posts/${post.id}` } });
});
