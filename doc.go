// Package connectlocal is the domain of an Amazon Connect task-template emulator: instances, task templates,
// contact flows, task contacts and tags, the rules they obey, and the Store they are kept in. It imports
// neither net/http nor database/sql; package awsapi speaks the wire and the store packages persist.
package connectlocal
