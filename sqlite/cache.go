package sqlite

import "sync"

// cache keeps recently read instances, latest template versions, flows and tag sets, so a read that hits
// costs no SQL and no JSON decode. Views use it freely; an Update only for keys its group commit has not
// written (see batch in tx.go). Every commit invalidates what it touched after the commit, bumping the
// generation first; a reader stores what it read only if no commit happened since it began, so a stale
// snapshot never enters the cache.
//
// It is bounded by bytes, not entries (issue 10: 400 cached 249 KiB flows took 200 MiB): each entry counts
// its stored JSON size plus its key and a fixed overhead, and a full cache drops entries (in the map's
// random order) until the new one fits. Values in it are never handed out: readers get copies (the Tx
// contract), so no caller can change what another reads.
type cache struct {
	mu    sync.RWMutex
	gen   uint64
	m     map[string]cacheEntry
	bytes int64 // sum of the entries' sizes
	limit int64 // 0: cache nothing
}

type cacheEntry struct {
	v    any
	size int64
}

// DefaultCacheBytes is the read cache's default bound.
const DefaultCacheBytes = 32 << 20

// entryOverhead approximates what an entry costs beyond its JSON: map slot, key header, struct headers.
const entryOverhead = 256

func newCache(limit int64) *cache { return &cache{m: map[string]cacheEntry{}, limit: limit} }

func (c *cache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *cache) get(key string) (any, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.m[key]
	return e.v, ok
}

// put stores v, read when the cache was at generation gen, counting size bytes of stored data for it.
func (c *cache) put(key string, v any, size int, gen uint64) {
	n := int64(size) + int64(len(key)) + entryOverhead
	if n > c.limit/8 {
		return // one huge entry would push out many small ones
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if old, ok := c.m[key]; ok {
		c.bytes -= old.size
		delete(c.m, key)
	}
	for k, e := range c.m {
		if c.bytes+n <= c.limit {
			break
		}
		c.bytes -= e.size
		delete(c.m, k)
	}
	c.m[key] = cacheEntry{v: v, size: n}
	c.bytes += n
}

// invalidate drops keys (everything when all) after a commit.
func (c *cache) invalidate(keys []string, all bool) {
	if len(keys) == 0 && !all {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	if all {
		clear(c.m)
		c.bytes = 0
		return
	}
	for _, k := range keys {
		if e, ok := c.m[k]; ok {
			c.bytes -= e.size
			delete(c.m, k)
		}
	}
}

// getAt is get of string(key), without making the string.
func (c *cache) getAt(key []byte) (any, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.m[string(key)]
	return e.v, ok
}

// The key functions and their append forms give the same bytes: the append forms are the definition.

func instanceKey(account, region, id string) string {
	return string(appendInstanceKey(nil, account, region, id))
}

func appendInstanceKey(b []byte, account, region, id string) []byte {
	return appendKey(b, "i", account, region, id)
}

func templateKey(account, region, instance, id string) string {
	return string(appendTemplateKey(nil, account, region, instance, id))
}

func appendTemplateKey(b []byte, account, region, instance, id string) []byte {
	return appendKey(b, "t", account, region, instance, id)
}

func tagsKey(account, region, arn string) string {
	return string(appendTagsKey(nil, account, region, arn))
}

func appendTagsKey(b []byte, account, region, arn string) []byte {
	return appendKey(b, "g", account, region, arn)
}

// appendKey appends kind and parts, each part after a NUL.
func appendKey(b []byte, kind string, parts ...string) []byte {
	b = append(b, kind...)
	for _, p := range parts {
		b = append(append(b, 0), p...)
	}
	return b
}

func flowKey(account, region, instance, id string) string {
	return "f\x00" + account + "\x00" + region + "\x00" + instance + "\x00" + id
}
