// Stand-ins for a data layer: the example is analysed, never run.
module.exports = { User: {}, Order: {}, Session: {}, Account: {}, AuditLog: {}, limiter: {} };
