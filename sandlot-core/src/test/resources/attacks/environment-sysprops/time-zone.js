// why: the guest sees UTC, never the host's zone
// expect: ok
// value: [0, "UTC"]
[new Date(2020, 5, 1).getTimezoneOffset(), Intl.DateTimeFormat().resolvedOptions().timeZone]
