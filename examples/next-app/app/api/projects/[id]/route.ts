import { NextResponse } from 'next/server';
import { auth } from '@/auth';
import { db } from '@/lib/db';

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  const project = await db.project.findUnique({ where: { id } });
  if (!project) {
    return NextResponse.json({ error: 'Project not found' });
    // mistake: the error body goes out with the implicit 200; caches and clients count it as a success
  }
  return NextResponse.json(project);
}

export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  const session = await auth();
  if (!session) {
    return NextResponse.json({ error: 'Not signed in' }, { status: 403 });
    // mistake: no session is 401 (with WWW-Authenticate); 403 tells the client signing in won't help
  }
  const project = await db.project.findUnique({ where: { id } });
  if (!project) {
    return NextResponse.json({ error: 'Project not found' }, { status: 404 });
  }
  if (project.ownerId !== session.user.id) {
    return NextResponse.json({ error: 'Only the owner can rename a project' }, { status: 403 });
  }
  const body = await request.json();
  const updated = await db.project.update({ where: { id }, data: { name: body.name } });
  return NextResponse.json(updated);
}

export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  const session = await auth();
  if (!session) {
    return new Response('Sign in required', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  await db.project.delete({ where: { id } });
  return new Response(null, { status: 204 });
}
