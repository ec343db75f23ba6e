package sqlite

import "sync"

// cache keeps recently read instances, latest template versions, flows and tag sets, so a read that hits
// costs no SQL and no JSON decode. Views use it freely; an Update only for keys its group commit has not
// written (see batch in tx.go). Every
// commit invalidates what it touched after the commit, bumping the generation first; a reader stores what it
// read only if no commit happened since it began, so a stale snapshot never enters the cache.
type cache struct {
	mu  sync.RWMutex
	gen uint64
	m   map[string]any
}

// maxCached bounds the cache (about 20 MB of ten-field templates); when full it starts over.
const maxCached = 10000

func newCache() *cache { return &cache{m: map[string]any{}} }

func (c *cache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *cache) get(key string) (any, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *cache) put(key string, v any, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if len(c.m) >= maxCached {
		clear(c.m)
	}
	c.m[key] = v
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
		return
	}
	for _, k := range keys {
		delete(c.m, k)
	}
}

func instanceKey(account, region, id string) string {
	return "i\x00" + account + "\x00" + region + "\x00" + id
}

func templateKey(account, region, instance, id string) string {
	return "t\x00" + account + "\x00" + region + "\x00" + instance + "\x00" + id
}

func tagsKey(account, region, arn string) string {
	return "g\x00" + account + "\x00" + region + "\x00" + arn
}

func flowKey(account, region, instance, id string) string {
	return "f\x00" + account + "\x00" + region + "\x00" + instance + "\x00" + id
}
