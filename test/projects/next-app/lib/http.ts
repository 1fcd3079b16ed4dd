import { NextResponse } from 'next/server';

// Every error body has the same shape; the caller picks the status.
export function errorResponse(status: number, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: message, ...extra }, { status });
}

export const notFound = (message = 'Not found') => errorResponse(404, message);
