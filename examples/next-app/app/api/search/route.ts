import { NextResponse, type NextRequest } from 'next/server';
import { searchIndex } from '@/lib/search';

export async function GET(request: NextRequest) {
  if (searchIndex.rebuilding) {
    return NextResponse.json({ error: 'Search is being rebuilt' }, { status: 503 });
    // mistake: a 503 without Retry-After: clients retry at once, or give up, instead of coming back when it is done
  }
  const q = request.nextUrl.searchParams.get('q') ?? '';
  return NextResponse.json({ results: await searchIndex.query(q) });
}
