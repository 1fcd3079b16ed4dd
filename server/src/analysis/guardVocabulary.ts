// The words the guard classifier reads: call names, variable names, header and cookie names.
// Kept apart from the logic (guards.ts) so the vocabulary can grow without touching it.

export const LOOKUP_CALL =
  /^(find\w*|get|getOne|get[A-Z]\w*|fetch\w*|load\w*|lookup\w*|query|select|retrieve\w*|read|first|firstOrDefault|maybeSingle|single|execute|by[A-Z]\w*)$/;
export const BY_ID = /(ById|ByPk|ByID|byId|ByUuid)$/;
export const WRITE_CALL = /^(update\w*|delete\w*|destroy\w*|remove\w*|modify\w*)$/;
export const EXISTS_CALL = /^(exists|exist|count\w*|has[A-Z]\w*Account|isTaken|isRegistered|emailExists|usernameExists)$/;
export const VALIDATION_CALL =
  /^(validate|validateSync|validateAsync|validateBody|validateRequest|validateInput|verifyBody|safeParse|safeParseAsync|isValid|isValidSync|validationResult|check|checkSchema|ajvValidate)$/;
export const VALIDATOR_PREDICATE =
  /^is(Email|URL|Url|UUID|Uuid|Int|Integer|Numeric|Alpha|Alphanumeric|Date|ISO8601|MongoId|ObjectId|ValidObjectId|MobilePhone|PostalCode|Length|In|JSON|Json|Boolean|Decimal|Float|Hexadecimal|Base64|Slug|StrongPassword|Valid[A-Z]\w*)$/;
export const TOKEN_VERIFY_CALL =
  /^(verify|verifyToken|verifyJwt|verifyJWT|jwtVerify|verifyIdToken|verifyAccessToken|verifySession|validateToken|decode|decodeToken|authenticate|introspect)$/;
export const PASSWORD_CALL = /^(compare|compareSync)$|password/i;
export const AUTH_SESSION_CALL = /^(auth|getAuth|getServerSession|getSession|currentUser|getCurrentUser|getUser|requireUser|validateSession|getSessionUser)$/;
/** Variables that hold credentials or the authenticated principal. */
export const AUTH_NAME =
  /^(token|accessToken|idToken|bearerToken|jwt|authHeader|authorization|authorizationHeader|auth|authToken|bearer|session|sessionId|sessionToken|sid|apiKey|api_key|credentials|currentUser|decoded|claims|payload|principal|isAuthenticated|isLoggedIn|loggedIn|authenticated|signedIn|isSignedIn|viewer)$/;
export const AUTH_HEADER = /^(authorization|x-api-key|x-auth-token|x-access-token|cookie|proxy-authorization)$/i;
export const AUTH_COOKIE = /^(token|access_token|accessToken|session|sid|jwt|auth|connect\.sid|session_id|sessionId|auth_token)$/i;
/** Members of a request or context that hold the authenticated principal. */
export const AUTH_HOLDER = /^(user|auth|currentUser|principal|account|session|userId|viewer|identity|jwtPayload)$/;
export const ID_MEMBER = /^(id|_id|sub|userId|uid|accountId)$/;
export const CSRF = /csrf|xsrf/i;
export const EXISTS_NAME = /^(existing\w*|already\w*|duplicate\w*|dupe|taken|exists|isTaken|alreadyExists|emailTaken|usernameTaken|conflict\w*|clash\w*)$/;
export const RATE_FLAG =
  /^(limited|isLimited|rateLimited|isRateLimited|throttled|isThrottled|tooMany\w*|overQuota|quotaExceeded|limitExceeded|exceeded|overLimit|isOverLimit|blocked)$/;
export const REQUEST_ROOTS = new Set(['req', 'request', 'ctx', 'c', 'event', 'context']);
export const REQUEST_INPUT = new Set([
  'body',
  'query',
  'params',
  'param',
  'files',
  'file',
  'valid',
  'json',
  'formData',
  'searchParams',
  'parseBody',
  'text',
  'queryStringParameters',
  'pathParameters',
  'rawBody',
  'fields',
]);
/** Parameters that hold request input by convention (Nest's `@Body() dto`, `function handle(body)`). */
export const INPUT_PARAM = /^(body|dto|input|payload|params|query|form|formData|searchParams|args|fields)$|Dto$/;
export const ERROR_PARAM = /^(err|error|e|ex|exc|exception|cause)$/;
export const ERROR_PROP = /^(name|code|type|constructor|kind|status|statusCode|errno|reason)$/;
export const ERROR_FLAG_PROP = /^(validation|isJoi|issues|details|errors|response|isAxiosError|expose|isBoom)$/;
/** Calls that only reshape a value: `header.replace(...)`, `auth.split(' ')[1]`. */
export const TRANSFORM = /^(replace|replaceAll|split|slice|substring|substr|trim|trimStart|trimEnd|toLowerCase|toUpperCase|toString|at)$/;
export const CONVERT = /^(Number|parseInt|parseFloat|String|BigInt|Boolean|decodeURIComponent|Date)$/;

/** camelCase / snake_case words of a name, lower-cased: dailyUploadLimit → [daily, upload, limit]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export const RATE_WORDS = new Set([
  'rate',
  'ratelimit',
  'quota',
  'throttle',
  'throttled',
  'attempt',
  'attempts',
  'tries',
  'retries',
  'requests',
  'calls',
  'hits',
  'usage',
  'sends',
]);
export const TIME_WORDS = new Set(['today', 'daily', 'hourly', 'monthly', 'weekly', 'minute', 'hour', 'window']);
export const CAPACITY_WORDS = new Set([
  'concurrent',
  'inflight',
  'flight',
  'active',
  'pending',
  'queue',
  'queued',
  'load',
  'busy',
  'capacity',
  'connections',
  'workers',
  'memory',
  'cpu',
  'size',
  'length',
  'bytes',
  'seats',
  'members',
  'storage',
  'disk',
  'items',
  'depth',
  'open',
]);
export const LIMIT_WORDS = new Set(['limit', 'max', 'maximum', 'quota', 'cap', 'allowance', 'threshold', 'allowed']);
export const BUDGET_WORDS = new Set(['remaining', 'left', 'available', 'budget']);
export const COUNTER_CALL = /^(incr|incrby|incrBy|increment|hincrby|hincrBy|consume|hit|zcard|countSince|count\w*Attempts|\w+Since)$/;
export const LIMITER_RECEIVER = /limit|throttl|bucket|quota|ratelimit/i;

export const QUERY_BUILDER = /^(select|from|where|first|single|maybeSingle|prepare|findFirst|all|one|oneOrNone)$/;
export const NOT_A_STORE =
  /^(limiter|rateLimiter|ratelimit|bucket|throttler|headers|searchParams|params|cookies|map|cache|redis|kv|memcache|memcached|config|settings|process|env|localStorage|sessionStorage|url|window|document|formData|router|app|res|reply|response)$/i;
export const REQUEST_ACCESSOR = new Set([
  'get',
  'set',
  'header',
  'headers',
  'param',
  'params',
  'query',
  'body',
  'req',
  'request',
  'cookies',
  'cookie',
  'var',
  'session',
  'user',
  'valid',
  'json',
  'formData',
  'parseBody',
  'text',
]);
