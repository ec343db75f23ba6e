package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// CPU per write, to compare store modes on a machine whose load varies run to run (the writes/s of one
// run depend on how much of the CPU the other processes leave): this process's CPU time (servers and load
// generator together) and that of the PostgreSQL backends serving the nodes, read from /proc (Linux, the
// server on this machine).

// processCPU is the CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// withAppName names the nodes' connections so that their backends can be found in pg_stat_activity.
func withAppName(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return dsn
	}
	q := u.Query()
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// backendCPU is the CPU time used so far by the backends whose application_name is name; false when they
// cannot be read (another machine, another OS).
func backendCPU(ctx context.Context, dsn, name string) (time.Duration, bool) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, false
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1`, name)
	if err != nil {
		return 0, false
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil || len(pids) == 0 {
		return 0, false
	}
	var ticks int64
	for _, pid := range pids {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return 0, false
		}
		// Fields after the command's closing parenthesis: state is field 3, utime 14 and stime 15.
		f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(f) < 13 {
			return 0, false
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		s, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + s
	}
	return time.Duration(ticks) * (time.Second / 100), true // USER_HZ is 100 on Linux
}

// meterCPU runs drive and returns its result and a line with the CPU per write of this process and, when
// name is set, of the backends named name.
func meterCPU(ctx context.Context, dsn, name string, drive func() result) (result, string) {
	p0 := processCPU()
	b0, okB := backendCPU(ctx, dsn, name)
	r := drive()
	p := processCPU() - p0
	b1, ok := backendCPU(ctx, dsn, name)
	perWrite := func(d time.Duration) string {
		if r.n == 0 {
			return "-"
		}
		return (d / time.Duration(r.n)).Round(time.Microsecond).String()
	}
	line := "  CPU per write: this process " + perWrite(p)
	if name != "" && okB && ok {
		line += ", PostgreSQL backends " + perWrite(b1-b0)
	}
	return r, line
}
