import { forbidden, sendJson } from '../lib/respond.js';
import { saveUpload } from '../store.js';

export async function upload(req, res, user) {
  // Look-alike [auth-status-mismatch]: a signed-in user who may not upload gets 403 through forbidden().
  if (!user.canUpload) return forbidden(res, 'Uploads are disabled for your account');
  try {
    const key = await saveUpload(user.id, req);
    sendJson(res, 201, { key });
  } catch (err) {
    console.error(err);
    // Look-alike [server-error-for-client-error]: the storage backend failed: a server fault, 500 is right.
    sendJson(res, 500, { error: 'Storage unavailable' });
  }
}
