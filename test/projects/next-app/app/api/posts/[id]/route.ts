import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { errorResponse, notFound } from '@/lib/http';
import { withErrors } from '@/lib/withErrors';

type Context = { params: Promise<{ id: string }> };

export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const post = await db.post.findUnique({ where: { id } });
  // Problem [server-error-for-not-found]: ApiError's default status is 500, so a missing post is answered 500.
  if (!post) throw new ApiError('Post not found');
  return NextResponse.json(post);
});

export const DELETE = withErrors(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const post = await db.post.findUnique({ where: { id } });
  if (!post) return notFound('Post not found');
  // Look-alike [auth-status-mismatch]: a signed-in user who is not the author gets 403 through errorResponse().
  if (post.authorId !== user.id) return errorResponse(403, 'Only the author can delete this post');
  await db.post.delete({ where: { id } });
  return new Response(null, { status: 204 });
});
