import type { NextApiRequest, NextApiResponse } from 'next';

// Kept on the pages router for an old uptime monitor; answers every method.
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return res.status(405).end();
  }
  res.status(200).json({ ok: true });
}
