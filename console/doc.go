// Package console serves connectlocal's web console at /console/: the recent requests, the stored resources,
// an agent's view of a template's task form, and template editing, all through the same checks as the API.
package console
