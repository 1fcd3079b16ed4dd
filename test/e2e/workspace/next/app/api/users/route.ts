import { NextResponse } from 'next/server';

const users = new Map<string, { id: string }>();

export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const user = users.get(id);
  if (!user) {
    return NextResponse.json({ error: 'user not found' }, { status: 404 });
  }
  return NextResponse.json(user, { status: 200 });
}

export async function POST() {
  return NextResponse.json({ success: false, error: 'x' }, { status: 200 });
}
