package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/sqlite"
)

// Scale-out load (issue 10): c.conns connections update templates spread over scaleInstances instances,
// against one SQLite node and against two nodes on one PostgreSQL database, in the same run.
const (
	scaleInstances         = 8
	scaleTemplatesPerInst  = 2
	scalePostgresNodeConns = 16 // pool size per node: a request waits for a connection, never for another instance
)

// node is one connectlocal server on a store.
type node struct {
	url   string
	close func()
}

func startNode(store connectlocal.Store) (node, error) {
	svc := connectlocal.NewService(store)
	svc.Quotas.InstancesPerRegion = 1 << 20 // runs accumulate instances in the database
	url, stop, err := serve(awsapi.NewHandler(svc, awsapi.Options{}))
	if err != nil {
		return node{}, err
	}
	return node{url: url, close: func() { stop(); store.Close() }}, nil
}

// scaleTargets creates the instances, each with a flow and its templates, through nodes[0], and returns the
// update request of every template.
func scaleTargets(base string) ([]request, error) {
	suffix := make([]byte, 4)
	rand.Read(suffix)
	var out []request
	for i := 0; i < scaleInstances; i++ {
		inst, err := createInstance(base, fmt.Sprintf("scale-%s-%d", hex.EncodeToString(suffix), i))
		if err != nil {
			return nil, err
		}
		body, err := fetch(base, request{"PUT", "/contact-flows/" + inst, fmt.Appendf(nil,
			`{"Name":"Task routing","Type":"CONTACT_FLOW","Content":%q}`, flowContent)})
		if err != nil {
			return nil, err
		}
		flow := jsonField(body, "ContactFlowId")
		for j := 0; j < scaleTemplatesPerInst; j++ {
			body, err := fetch(base, request{"PUT", "/instance/" + inst + "/task/template", tenFields(fmt.Sprint("Refund ", j), flow)})
			if err != nil {
				return nil, err
			}
			out = append(out, request{"POST", "/instance/" + inst + "/task/template/" + jsonField(body, "Id"), nil})
		}
	}
	return out, nil
}

// driveUpdates sends UpdateTaskTemplate requests round-robin over the nodes and templates.
func driveUpdates(c config, nodes []node, targets []request) result {
	return drive(c, func(i int64) *http.Request {
		r := targets[i%int64(len(targets))]
		r.body = fmt.Appendf(nil, `{"Description":"update %d"}`, i)
		return r.withURL(nodes[i%int64(len(nodes))].url)
	})
}

// runScaleOut drives the scale-out load; cpuProfile, when set, records the PostgreSQL run.
func runScaleOut(ctx context.Context, c config, out io.Writer, dsn, cpuProfile string) error {
	dir, err := os.MkdirTemp("", "connectlocal-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	lite, err := sqlite.Open(ctx, filepath.Join(dir, "scale.db"))
	if err != nil {
		return err
	}
	liteNode, err := startNode(lite)
	if err != nil {
		return err
	}
	defer liteNode.close()
	var pgNodes []node
	for i := 0; i < 2; i++ {
		pg, err := postgres.Open(ctx, dsn, postgres.Options{MaxConns: scalePostgresNodeConns})
		if err != nil {
			return err
		}
		n, err := startNode(pg)
		if err != nil {
			return err
		}
		defer n.close()
		pgNodes = append(pgNodes, n)
	}
	liteTargets, err := scaleTargets(liteNode.url)
	if err != nil {
		return err
	}
	pgTargets, err := scaleTargets(pgNodes[0].url)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "connectlocal-bench scale-out: UpdateTaskTemplate, %d connections, %d instances × %d templates, %s per run, GOMAXPROCS %d (%s)\n\n",
		c.conns, scaleInstances, scaleTemplatesPerInst, c.duration, runtime.GOMAXPROCS(0), cpuModel())
	fmt.Fprintf(out, "%-34s %10s %9s %9s %9s %9s %8s\n", "store", "writes/s", "p50", "p99", "p99.9", "errors", "ratio")
	liteRes := driveUpdates(c, []node{liteNode}, liteTargets)
	report(out, "SQLite, one node", liteRes, liteRes)
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
	}
	pgRes := driveUpdates(c, pgNodes, pgTargets)
	pprof.StopCPUProfile()
	report(out, "PostgreSQL, two nodes", pgRes, liteRes)
	return nil
}
