// classifyCondition, through the guards the analysis attaches to status sites: every guard kind,
// polarity (then/else), negation, && / ||, destructured request fields, validation libraries,
// token verification, ownership checks, rate counters and error-type tests in catches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sites } from '../helpers/analysis.mjs';

/** 'kind' = the problem is present in that branch, '!kind' = it is absent there, 'other' = unknown. */
const describe = (g) => (!g ? 'none' : g.kind === 'other' ? 'other' : `${g.negated ? '!' : ''}${g.kind}${g.errorName ? `(${g.errorName})` : ''}`);

/** An Express handler whose then-branch answers 418 and else-branch 419, after `prelude`. */
function express(prelude, cond) {
  return `app.post('/x/:id', async (req, res) => {\n  ${prelude}\n  if (${cond}) {\n    return res.status(418).json({});\n  } else {\n    return res.status(419).json({});\n  }\n});`;
}

/** The same inside a catch, for error-type tests. */
function inCatch(cond) {
  return `app.get('/x/:id', async (req, res) => {\n  try {\n    res.json(await Thing.findById(req.params.id));\n  } catch (err) {\n    if (${cond}) {\n      return res.status(418).json({});\n    } else {\n      return res.status(419).json({});\n    }\n  }\n});`;
}

function branchGuards(code, file = 'handler.ts') {
  const all = sites(code, file);
  const thenSite = all.find((s) => s.code === 418);
  const elseSite = all.find((s) => s.code === 419);
  assert.ok(thenSite && elseSite, `both sites found in:\n${code}`);
  return [describe(thenSite.guard), describe(elseSite.guard)];
}

const cases = [
  // name, prelude, condition, then-branch, else-branch
  // --- lookups
  ['findById miss', 'const user = await User.findById(req.params.id);', '!user', 'lookup-miss', '!lookup-miss'],
  ['findById found', 'const user = await User.findById(req.params.id);', 'user', '!lookup-miss', 'lookup-miss'],
  ['== null', 'const order = await prisma.order.findUnique({ where: { id: req.params.id } });', 'order == null', 'lookup-miss', '!lookup-miss'],
  ['=== undefined on the left', 'const order = await orders.get(req.params.id);', 'undefined === order', 'lookup-miss', '!lookup-miss'],
  [
    'rows.length === 0',
    'const { rows } = await pool.query("SELECT * FROM t WHERE id = $1", [req.params.id]);',
    'rows.length === 0',
    'lookup-miss',
    '!lookup-miss',
  ],
  ['!rows.length', 'const [rows] = await db.execute("SELECT * FROM t WHERE id = ?", [req.params.id]);', '!rows.length', 'lookup-miss', '!lookup-miss'],
  ['deletedCount === 0', 'const result = await Post.deleteOne({ _id: req.params.id });', 'result.deletedCount === 0', 'lookup-miss', '!lookup-miss'],
  ['sequelize update count', 'const [count] = await Address.update(req.body, { where: { id: req.params.id } });', 'count === 0', 'lookup-miss', '!lookup-miss'],
  ['drizzle destructured row', 'const [user] = await db.select().from(users).where(eq(users.id, req.params.id));', '!user', 'lookup-miss', '!lookup-miss'],
  ['by slug', 'const article = await Articles.bySlug(req.params.slug);', '!article', 'lookup-miss', '!lookup-miss'],
  ['server-side singleton is not a client lookup', 'const plan = await Plan.findOne({ where: { code: "default" } });', '!plan', 'other', 'other'],
  [
    "keyed by another record's field: the server's inconsistency",
    'const user = await User.findById(req.user.id);\n  const customer = await stripe.customers.retrieve(user.stripeId);',
    '!customer',
    'other',
    'other',
  ],
  ['keyed by the signed-in user', 'const profile = await Profile.findOne({ userId: req.user.id });', '!profile', 'lookup-miss', '!lookup-miss'],
  ['unknown service call', 'const price = await pricing.current(req.params.id);', '!price', 'other', 'other'],
  // --- exists
  ['existing by email', 'const existing = await User.findOne({ email: req.body.email });', 'existing', 'exists', '!exists'],
  ['found by a unique field', 'const user = await User.findOne({ email: req.body.email });', 'user', 'exists', 'other'],
  ['missing by a unique field (login)', 'const user = await User.findOne({ email: req.body.email });', '!user', 'lookup-miss', 'other'],
  ['else of a found-by-field test is not "not found"', 'const user = await User.findOne({ email: req.body.email });', 'user', 'exists', 'other'],
  ['exists() call', '', 'await User.exists({ email: req.body.email })', 'exists', '!exists'],
  ['direct lookup in the condition', '', 'await db.users.byUsername(req.body.username)', 'exists', 'other'],
  ['count > 0', 'const count = await User.countDocuments({ email: req.body.email });', 'count > 0', 'exists', '!exists'],
  ['name says taken', 'const taken = await isHandleTaken(req.body.handle);', 'taken', 'exists', '!exists'],
  // --- validation
  ['Joi destructured error', 'const { error, value } = schema.validate(req.body);', 'error', 'validation', '!validation'],
  ['Joi result.error', 'const result = schema.validate(req.body);', 'result.error', 'validation', '!validation'],
  ['Zod !success', 'const parsed = CreateUser.safeParse(req.body);', '!parsed.success', 'validation', '!validation'],
  ['Zod destructured success', 'const { success, data } = CreateUser.safeParse(req.body);', '!success', 'validation', '!validation'],
  [
    "Zod on upstream data is not the client's fault",
    'const data = await (await fetch(url)).json();\n  const parsed = Upstream.safeParse(data);',
    '!parsed.success',
    'other',
    'other',
  ],
  ['express-validator', 'const errors = validationResult(req);', '!errors.isEmpty()', 'validation', '!validation'],
  ['express-validator, positive form', 'const errors = validationResult(req);', 'errors.isEmpty()', '!validation', 'validation'],
  ['Yup isValid', '', '!(await schema.isValid(req.body))', 'validation', '!validation'],
  ['class-validator errors.length', 'const errors = await validate(plainToInstance(CreateDto, req.body));', 'errors.length > 0', 'validation', '!validation'],
  ['ajv compiled validate', 'const validate = ajv.compile(schema);', '!validate(req.body)', 'validation', '!validation'],
  ['mongoose isValidObjectId', '', '!mongoose.isValidObjectId(req.params.id)', 'validation', '!validation'],
  ['validator.js isEmail', '', '!validator.isEmail(req.body.email)', 'validation', '!validation'],
  // --- request fields
  ['!req.body.email', '', '!req.body.email', 'missing-field', '!missing-field'],
  ['destructured fields, ||', 'const { email, password } = req.body;', '!email || !password', 'missing-field', '!missing-field'],
  ['typeof !==', '', "typeof req.query.page !== 'string'", 'missing-field', '!missing-field'],
  ['Array.isArray', '', '!Array.isArray(req.body.items)', 'missing-field', '!missing-field'],
  ['isNaN(Number(param))', '', 'isNaN(Number(req.params.id))', 'missing-field', '!missing-field'],
  ['size check on input is not a rate limit', '', 'req.body.items.length > 100', 'missing-field', '!missing-field'],
  ['?limit= range check is not a rate limit', '', 'Number(req.query.limit) > 100', 'missing-field', '!missing-field'],
  ['refinement of the same field', 'const { email } = req.body;', '!email || !EMAIL_RE.test(email)', 'missing-field', '!missing-field'],
  [
    'an unknown test of the same value refines it',
    'const user = await User.findById(req.params.id);',
    '!user || user.deletedAt',
    'lookup-miss',
    '!lookup-miss',
  ],
  ['...on either side', 'const { email } = req.body;', 'isBlank(email) || !email', 'missing-field', '!missing-field'],
  ['unrelated unknown side makes || unknown', '', '!req.body.email || maintenanceMode', 'other', '!missing-field'],
  ['a required header', 'const key = req.get("Idempotency-Key");', '!key', 'missing-field', '!missing-field'],
  ['method tests are not input validation', '', "req.method !== 'GET'", 'other', 'other'],
  ['equality to a literal is a branch, not validation', '', "req.body.type === 'admin'", 'other', 'other'],
  // --- credentials
  ['!req.user', '', '!req.user', 'auth-missing', '!auth-missing'],
  ['session user id', '', '!req.session.userId', 'auth-missing', '!auth-missing'],
  ['authorization header', '', '!req.headers.authorization', 'auth-missing', '!auth-missing'],
  ['header var and Bearer prefix', 'const header = req.headers.authorization;', "!header || !header.startsWith('Bearer ')", 'auth-missing', '!auth-missing'],
  ['req.get("Authorization")', '', "!req.get('Authorization')", 'auth-missing', '!auth-missing'],
  ['token cookie', 'const token = req.cookies.token;', '!token', 'auth-missing', '!auth-missing'],
  ['jwt.verify result', 'const payload = jwt.verify(req.cookies.token, SECRET);', '!payload', 'auth-missing', '!auth-missing'],
  [
    'bad password',
    'const user = await User.findById(req.body.id);',
    '!(await bcrypt.compare(req.body.password, user.passwordHash))',
    'auth-missing',
    '!auth-missing',
  ],
  [
    'login: unknown user or bad password',
    'const { email, password } = req.body;\n  const user = await users.findByEmail(email);',
    '!user || !(await user.checkPassword(password))',
    'auth-missing',
    '!auth-missing',
  ],
  ['passport', '', '!req.isAuthenticated()', 'auth-missing', '!auth-missing'],
  ['a verified email is not authentication', '', '!req.user.emailVerified', 'other', 'other'],
  ['CSRF token is neither auth nor permission', '', 'req.body._csrf !== req.session.csrfToken', 'other', 'other'],
  // --- permissions
  ['role', '', "req.user.role !== 'admin'", 'permission', '!permission'],
  ['role, === form', '', "req.user.role === 'admin'", '!permission', 'permission'],
  ['isAdmin flag', '', '!req.user.isAdmin', 'permission', '!permission'],
  ['roles.includes', '', "!req.user.roles.includes('admin')", 'permission', '!permission'],
  ['ownership', 'const post = await Post.findById(req.params.id);', 'post.authorId !== req.user.id', 'permission', '!permission'],
  ['ownership via params', '', 'req.params.userId !== req.user.sub', 'permission', '!permission'],
  ['CASL ability', 'const post = await Post.findById(req.params.id);', "!ability.can('delete', post)", 'permission', '!permission'],
  [
    'role or owner',
    'const order = await Order.findById(req.params.id);',
    "req.user.role !== 'support' && order.userId !== req.user.id",
    'permission',
    '!permission',
  ],
  ['precondition && problem', 'const user = req.user;', "user && user.role !== 'admin'", 'permission', 'other'],
  ['a found-by-email account\'s state is not "exists"', 'const user = await User.findOne({ email: req.body.email });', 'user && user.locked', 'other', 'other'],
  [
    'an existing record with another id',
    'const existing = await User.findOne({ email: req.body.email });',
    'existing && existing.id !== req.params.id',
    'exists',
    'other',
  ],
  ['optional chain also covers "not signed in"', '', '!req.user?.isAdmin', 'other', 'other'],
  ['no user or not admin: two problems', '', "!req.user || req.user.role !== 'admin'", 'other', 'other'],
  // --- rate limits
  ['redis counter', "const attempts = await redis.incr('login:' + req.ip);", 'attempts > 5', 'rate-limit', '!rate-limit'],
  ['daily quota', '', 'req.user.uploadsToday >= req.user.plan.dailyUploadLimit', 'rate-limit', '!rate-limit'],
  ['limit on the left', "const sent = await redis.incr('sms:' + req.ip);", 'MAX_SMS_PER_HOUR < sent', 'rate-limit', '!rate-limit'],
  ['remaining budget', 'const { remaining } = await limiter.get(req.ip);', 'remaining <= 0', 'rate-limit', '!rate-limit'],
  ['Upstash success', 'const { success } = await ratelimit.limit(req.ip);', '!success', 'rate-limit', '!rate-limit'],
  ['limiter flag call', '', 'await isRateLimited(req.ip)', 'rate-limit', '!rate-limit'],
  ['server load is not a per-client limit', '', 'inFlightRequests > MAX_CONCURRENT', 'other', 'other'],
  [
    'plan seats are not a rate',
    'const members = await Member.countDocuments({ orgId: req.user.orgId });',
    'members >= req.user.plan.maxSeats',
    'other',
    'other',
  ],
];

test('classifyCondition: each guard kind, both branches', () => {
  const failures = [];
  for (const [name, prelude, cond, thenKind, elseKind] of cases) {
    const got = branchGuards(express(prelude, cond));
    if (got[0] !== thenKind || got[1] !== elseKind) failures.push(`${name}: \`${cond}\` → then ${got[0]}, else ${got[1]} (expected ${thenKind}, ${elseKind})`);
  }
  assert.deepEqual(failures, []);
});

const errorCases = [
  ['instanceof', 'err instanceof ValidationError', 'error-type(ValidationError)', '!error-type(ValidationError)'],
  ['name string', "err.name === 'CastError'", 'error-type(CastError)', '!error-type(CastError)'],
  ['mongo duplicate key', 'err.code === 11000', 'error-type(11000)', '!error-type(11000)'],
  [
    'prisma class && code',
    "err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002'",
    'error-type(P2002)',
    '!error-type(PrismaClientKnownRequestError)',
  ],
  ['body-parser syntax error', "err instanceof SyntaxError && 'body' in err", 'error-type(SyntaxError)', '!error-type(SyntaxError)'],
  ['axios predicate', 'axios.isAxiosError(err)', 'error-type(AxiosError)', '!error-type(AxiosError)'],
  ['negated instanceof', '!(err instanceof HttpError)', '!error-type(HttpError)', 'error-type(HttpError)'],
  ['fastify validation flag', 'err.validation', 'error-type(validation)', '!error-type(validation)'],
  ['`if (err)` tests no type', 'err', 'other', 'other'],
];

test('classifyCondition: error tests inside a catch', () => {
  const failures = [];
  for (const [name, cond, thenKind, elseKind] of errorCases) {
    const got = branchGuards(inCatch(cond));
    if (got[0] !== thenKind || got[1] !== elseKind) failures.push(`${name}: \`${cond}\` → then ${got[0]}, else ${got[1]} (expected ${thenKind}, ${elseKind})`);
  }
  assert.deepEqual(failures, []);
});

test('a catch that tests the error is narrowed; tryCalls list the calls made in the try', () => {
  const narrowed = sites(inCatch("err.code === 'P2025'"), 'h.ts').find((s) => s.code === 419);
  assert.equal(narrowed.catchClause.narrowed, true);
  assert.ok(narrowed.catchClause.tryCalls.includes('findById'));
  const plain = sites(
    `app.get('/x', async (req, res) => {\n  try {\n    res.json(await Thing.find());\n  } catch (err) {\n    if (req.query.debug) console.log(err);\n    res.status(400).json({});\n  }\n});`,
  ).find((s) => s.code === 400);
  assert.equal(plain.catchClause.narrowed, false);
  assert.equal(plain.catchClause.param, 'err');
});

test('an error-middleware parameter counts as the error', () => {
  const s = sites(`app.use((err, req, res, next) => {\n  if (err.type === 'entity.parse.failed') return res.status(418).json({});\n  next(err);\n});`).find(
    (x) => x.code === 418,
  );
  assert.equal(describe(s.guard), 'error-type(entity.parse.failed)');
});

// Other frameworks name the request differently; the same conditions classify the same way.
const frameworkCases = [
  [
    'Koa state user',
    `router.get('/me', async (ctx) => {\n  if (!ctx.state.user) {\n    ctx.status = 418;\n    return;\n  }\n  ctx.body = ctx.state.user;\n});`,
    'auth-missing',
  ],
  [
    'Koa body field',
    `router.post('/u', async (ctx) => {\n  const { email } = ctx.request.body;\n  if (!email) {\n    ctx.status = 418;\n    return;\n  }\n  ctx.body = {};\n});`,
    'missing-field',
  ],
  [
    'Koa ownership',
    `router.put('/p/:id', async (ctx) => {\n  const post = await Post.findById(ctx.params.id);\n  if (post.ownerId !== ctx.state.user.sub) {\n    ctx.status = 418;\n    return;\n  }\n  ctx.body = post;\n});`,
    'permission',
  ],
  [
    'Hono header token',
    `app.get('/me', async (c) => {\n  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');\n  if (!token) return c.json({ error: 'x' }, 418);\n  return c.json({});\n});`,
    'auth-missing',
  ],
  [
    'Hono context user',
    `app.delete('/u/:id', async (c) => {\n  const user = c.get('user');\n  if (user.sub !== c.req.param('id')) return c.json({ error: 'x' }, 418);\n  return c.body(null, 204);\n});`,
    'permission',
  ],
  [
    'Hono query',
    `app.get('/search', (c) => {\n  if (!c.req.query('q')) return c.json({ error: 'q required' }, 418);\n  return c.json([]);\n});`,
    'missing-field',
  ],
  [
    'Fastify params',
    `fastify.get('/u/:id', async (request, reply) => {\n  const user = await users.findById(request.params.id);\n  if (!user) return reply.code(418).send({});\n  return user;\n});`,
    'lookup-miss',
  ],
  [
    'Next session',
    `export async function GET(request) {\n  const session = await auth();\n  if (!session) return NextResponse.json({ error: 'x' }, { status: 418 });\n  return NextResponse.json({});\n}`,
    'auth-missing',
  ],
  [
    'Next parsed body',
    `export async function POST(request) {\n  const body = await request.json();\n  if (!body.name) return NextResponse.json({ error: 'x' }, { status: 418 });\n  return NextResponse.json({}, { status: 201 });\n}`,
    'missing-field',
  ],
  [
    'Next session role',
    `export async function DELETE(request) {\n  const session = await auth();\n  if (session.user.role !== 'admin') return NextResponse.json({ error: 'x' }, { status: 418 });\n  return new Response(null, { status: 204 });\n}`,
    'permission',
  ],
];

test('classifyCondition across frameworks', () => {
  const failures = [];
  for (const [name, code, expected] of frameworkCases) {
    const site = sites(code, 'route.ts').find((s) => s.code === 418);
    if (!site) failures.push(`${name}: no 418 site`);
    else if (describe(site.guard) !== expected) failures.push(`${name}: ${describe(site.guard)} (expected ${expected})`);
  }
  assert.deepEqual(failures, []);
});
