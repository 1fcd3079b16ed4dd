import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { auth } from '@/auth';
import { db } from '@/lib/db';

const CreateProject = z.object({ name: z.string().min(1).max(80) });

export async function GET(request: NextRequest) {
  const take = Math.min(Number(request.nextUrl.searchParams.get('take') ?? 20), 100);
  const projects = await db.project.findMany({ take, orderBy: { createdAt: 'desc' } });
  return NextResponse.json({ projects });
}

export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Sign in to create projects' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const parsed = CreateProject.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ errors: parsed.error.flatten().fieldErrors }, { status: 400 });
  }
  const project = await db.project.create({ data: { name: parsed.data.name, ownerId: session.user.id } });
  return NextResponse.json(project, { status: 201 });
  // mistake: a 201 without Location: the client cannot tell where the new project lives
}
