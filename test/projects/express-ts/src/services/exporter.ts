import { readFile } from 'node:fs/promises';

// Renders a project with the template shipped next to the server; a missing template is a deployment fault.
export async function renderExport(project: { id: string; name: string }) {
  const template = await readFile(new URL('../../templates/export.html', import.meta.url), 'utf8');
  return template.replace('{{project}}', JSON.stringify(project));
}
