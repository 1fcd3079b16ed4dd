import { test } from 'node:test';
import { checkRule } from '../../helpers/analysis.mjs';

test('error-in-success-response', (t) =>
  checkRule(
    'error-in-success-response',
    {
      valid: [
        // A failure answered with a failure status.
        `app.get('/u/:id', async (req, res) => { const u = await User.findById(req.params.id); if (!u) return res.status(404).json({ success: false, error: 'not found' }); res.json(u); });`,
        // Empty error containers are a success shape.
        `app.post('/check', (req, res) => { res.status(200).json({ errors: [] }); });`,
        `app.post('/check', (req, res) => { res.json({ ok: true, error: null }); });`,
        // A message that merely mentions "error".
        `app.get('/logs', (req, res) => { res.json({ message: 'No errors found', status: 'ok' }); });`,
        // success: true
        `app.get('/x', (req, res) => { res.status(200).send({ success: true, data: [] }); });`,
        // A client-side fetch result is not a server response.
        `async function load() { const response = await fetch('/api'); const data = await response.json(); return { ok: false, data }; }`,
        // error: false
        { code: `router.get('/ping', (req, res) => res.status(200).json({ error: false }));`, file: 'ping.ts' },
        // 4xx with success:false is exactly right
        `app.post('/login', (req, res) => { if (!req.body.email) { return res.status(400).json({ ok: false }); } res.json({ ok: true }); });`,
      ],
      invalid: [
        {
          name: 'explicit 200 with success:false after a lookup miss',
          errors: [{ messageId: 'failureBody', line: 4, column: 23, endColumn: 26 }],
          code: `router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(200).json({ success: false, error: 'User not found' });\n  }\n  res.json(user);\n});`,
          at: 'res.status(200)',
          fixes: [/^Respond 404 Not Found/],
          message: /^200 OK with a failure body \(`success: false`\): respond 404 Not Found\. Clients, retries and monitors trust the status/,
          output: `router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ success: false, error: 'User not found' });\n  }\n  res.json(user);\n});`,
        },
        {
          name: 'implicit 200 inside a catch',
          errors: [{ messageId: 'failureBodyImplicit', line: 5, column: 5, endColumn: 13 }],
          code: `app.get('/orders/:id', async (req, res) => {\n  try {\n    res.json(await Order.findById(req.params.id));\n  } catch (err) {\n    res.json({ ok: false, error: err.message });\n  }\n});`,
          at: '{ ok: false',
          fixes: [/^Respond 500 Internal Server Error/],
          output: `app.get('/orders/:id', async (req, res) => {\n  try {\n    res.json(await Order.findById(req.params.id));\n  } catch (err) {\n    res.status(500).json({ ok: false, error: err.message });\n  }\n});`,
          allowNewFindings: true,
        },
        {
          name: "status: 'error' with sendStatus-free send",
          errors: [{ messageId: 'failureBody', line: 2, column: 14, endColumn: 17 }],
          code: `app.delete('/s', async (req, res) => {\n  res.status(200).send({ status: 'error', message: 'could not delete' });\n});`,
          at: 'status(200)',
          fixes: [/^Respond 400 Bad Request/],
        },
        {
          name: 'non-empty errors array from validation',
          errors: [{ messageId: 'failureBodyImplicit', line: 4, column: 12, endColumn: 20 }],
          code: `app.post('/signup', (req, res) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) {\n    return res.json({ errors: errors.array() });\n  }\n  res.status(201).location('/u/1').json({});\n});`,
          at: 'errors: errors.array()',
          fixes: [/^Respond 400 Bad Request/],
        },
        {
          name: 'constant from http-status-codes',
          errors: [{ messageId: 'failureBody', line: 3, column: 14, endColumn: 28 }],
          code: `import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => {\n  res.status(StatusCodes.OK).json({ success: false });\n});`,
          file: 'x.ts',
          at: 'StatusCodes.OK',
          output: `import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => {\n  res.status(StatusCodes.BAD_REQUEST).json({ success: false });\n});`,
        },
        {
          name: 'validationStatus setting picks 422',
          errors: [{ messageId: 'failureBody', line: 2, column: 41, endColumn: 44 }],
          code: `app.post('/x', (req, res) => {\n  if (!req.body.name) return res.status(200).json({ error: 'name required' });\n  res.sendStatus(204);\n});`,
          settings: { validationStatus: 422 },
          fixes: [/^Respond 422 Unprocessable Content/],
        },
        {
          name: 'a later send on the same path',
          errors: [{ messageId: 'failureBody', line: 2, column: 14, endColumn: 17 }],
          code: `function handler(req, res) {\n  res.status(201);\n  res.json({ success: false });\n}`,
          at: 'status(201)',
        },
      ],
    },
    t,
  ));

// A 200 the protocol asks for, a check's verdict, a queue's acknowledgement: the failure is the answer.
test('error-in-success-response: protocols, verdicts and acknowledgements', (t) =>
  checkRule(
    'error-in-success-response',
    {
      valid: [
        // JSON-RPC carries application errors in a 200.
        {
          code: `app.post('/mcp', async (c) => {\n  try {\n    return await transport.handle(c, await c.req.json());\n  } catch (err) {\n    return c.json({ jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal error' } }, { status: 200 });\n  }\n});`,
          file: 'mcp.ts',
        },
        // A checker endpoint: "the URL is not valid" is the answer to the check.
        {
          code: `import { Controller, Post, Body } from '@nestjs/common';\n@Controller('bridge')\nexport class BridgeController {\n  @Post('/validate')\n  async validate(@Body() body) {\n    try {\n      return { isValid: (await this.status.check(body.url)) === 'ok' };\n    } catch (err) {\n      return { isValid: false, error: err.message };\n    }\n  }\n}`,
          file: 'bridge.controller.ts',
        },
        // A queue delivery acknowledged with 200 so that the queue does not retry it.
        {
          code: `export const POST = withQstashOrInternal(async (request) => {\n  try {\n    return NextResponse.json(await sendDigest(await request.json()));\n  } catch (error) {\n    return NextResponse.json({ success: false, error: 'Error sending digest email' });\n  }\n});`,
          file: 'app/api/digest/route.ts',
        },
      ],
      invalid: [
        {
          name: 'a wrapper that is not a queue’s changes nothing',
          errors: [{ messageId: 'failureBodyImplicit', line: 6, column: 12, endColumn: 29 }],
          code: `export const POST = withAuth(async (request) => {\n  const input = await request.json();\n  try {\n    return NextResponse.json(await sendDigest(input));\n  } catch (error) {\n    return NextResponse.json({ success: false, error: 'Error sending digest email' });\n  }\n});`,
          file: 'app/api/digest/route.ts',
          at: 'NextResponse.json({ success: false',
        },
        {
          name: 'a verdict that is true says nothing about the failure next to it',
          errors: [{ messageId: 'failureBody', line: 5, column: 16, endColumn: 19 }],
          code: `app.post('/check', async (req, res) => {\n  try {\n    res.json({ valid: await check(req.body) });\n  } catch (err) {\n    res.status(200).json({ valid: true, error: 'Checker failed' });\n  }\n});`,
          at: 'status(200)',
        },
      ],
    },
    t,
  ));
