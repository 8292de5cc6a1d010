// Package loadtest is what the load tests of the generated packages share: an
// HTTP client whose requests carry a request ID of the test's own to the
// server, and a Ledger that matches, request by request, what the clients saw
// succeed with what the fake behind the server accepted.
//
// A load test runs each call through Ledger.Do, wraps the server's handler
// with Ledger.Handler, and has its recorder (the fake's handler) call
// Ledger.Accepted for every call the fake accepts. Ledger.Check then fails
// the test when a client and the fake disagree about any request.
//
// The client works around a race between the AWS SDK and net/http that
// loses a reply now and then under load (see bodyReader), and its
// connections remember the stack that closed them: a reply lost in the
// client's own transport (net.ErrClosed) fails Check with who closed the
// connection, and whether the fake had accepted the call.
//
// It may import only the standard library.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Header carries a load request's ID from the client to the server.
const Header = "X-Smithygen-Load-Request"

// idKey is the context key of a request ID, on either side.
type idKey struct{}

// Ledger is the account of one load: the calls the clients made and the ones
// the fake accepted, by request ID. Its methods are safe for concurrent use.
type Ledger struct {
	transport *http.Transport
	next      atomic.Int64

	mu         sync.Mutex
	seen       map[string]string // request ID -> operation, calls the clients saw succeed
	accepted   map[string]string // request ID -> operation, calls the fake accepted
	lost       []lostCall
	outcomes   map[string]int // outcome -> calls
	other      int
	firstOther error
}

// lostCall is a call whose reply the client's transport lost.
type lostCall struct {
	op, id   string
	err      error
	closedBy string // the stack that closed the connection, when known
}

// New returns an empty ledger whose client keeps up to maxIdle idle
// connections to the server.
func New(maxIdle int) *Ledger {
	l := &Ledger{transport: &http.Transport{MaxIdleConnsPerHost: maxIdle, DialContext: dialTraced}}
	l.Reset()
	return l
}

// Client returns the HTTP client the SDK clients of the load use: each
// request made under Do carries its ID in Header.
func (l *Ledger) Client() *http.Client {
	return &http.Client{Transport: idTransport{l.transport}}
}

// Handler returns h with the request ID a load request carries put in the
// request's context, where Accepted finds it.
func (l *Ledger) Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id := r.Header.Get(Header); id != "" {
			r = r.WithContext(context.WithValue(r.Context(), idKey{}, id))
		}
		h.ServeHTTP(w, r)
	})
}

// Accepted notes that the fake accepted op in the request ctx belongs to.
// Calls made outside Do (a warm-up, a clean-up) carry no ID and are not noted.
func (l *Ledger) Accepted(ctx context.Context, op string) {
	id, _ := ctx.Value(idKey{}).(string)
	if id == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.accepted[id] = op
}

// Do makes one call of op under a new request ID and notes its outcome: a
// success; a reply lost in the client's own transport; an error the load
// expects, which expected names ("conflict", "not found", ...); or any other
// error, which Check fails on. It returns the call's error.
func (l *Ledger) Do(ctx context.Context, op string, call func(context.Context) error, expected func(error) string) error {
	id := strconv.FormatInt(l.next.Add(1), 10)
	var conn net.Conn
	var connMu sync.Mutex
	ctx = httptrace.WithClientTrace(context.WithValue(ctx, idKey{}, id), &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
		connMu.Lock()
		conn = info.Conn
		connMu.Unlock()
	}})
	err := call(ctx)

	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case err == nil:
		l.seen[id] = op
		l.outcomes["ok"]++
	case errors.Is(err, net.ErrClosed):
		connMu.Lock()
		c, _ := conn.(*tracedConn)
		connMu.Unlock()
		l.lost = append(l.lost, lostCall{op: op, id: id, err: err, closedBy: c.closer()})
		l.outcomes["lost in the client's transport"]++
	default:
		if name := expected(err); name != "" {
			l.outcomes[name]++
			break
		}
		l.other++
		if l.firstOther == nil {
			l.firstOther = fmt.Errorf("%s (request %s): %w", op, id, err)
		}
	}
	return err
}

// Check logs the outcomes of the load and fails t when the clients made
// other than want calls, when a call failed with an error the load does not
// expect, when a reply was lost in the client's transport, or when a client
// and the fake disagree about a request: a call the client saw succeed that
// the fake did not accept, or one the fake accepted that the client saw fail
// (a call whose reply was lost may go either way).
func (l *Ledger) Check(t testing.TB, want, workers int, elapsed time.Duration) {
	t.Helper()
	r := l.report(want)
	t.Logf("load: %d requests from %d goroutines in %v (%.0f/s); %s", r.total, workers, elapsed.Round(time.Millisecond),
		float64(r.total)/elapsed.Seconds(), r.outcomes)
	if r.fatal != "" {
		t.Fatal(r.fatal)
	}
	for _, s := range r.errors {
		t.Error(s)
	}
}

// report is what Check says of a load.
type report struct {
	total    int
	outcomes string   // "conflict 3, ok 10, other errors 0"
	fatal    string   // why the load cannot be checked further
	errors   []string // what is wrong; a lost reply says who closed the connection
}

func (l *Ledger) report(want int) report {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := report{total: l.other}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(l.outcomes)) {
		r.total += l.outcomes[name]
		parts = append(parts, fmt.Sprintf("%s %d", name, l.outcomes[name]))
	}
	r.outcomes = strings.Join(append(parts, fmt.Sprintf("other errors %d", l.other)), ", ")
	switch {
	case r.total != want:
		r.fatal = fmt.Sprintf("the clients made %d calls, not %d", r.total, want)
		return r
	case l.firstOther != nil:
		r.fatal = fmt.Sprintf("%d unexpected errors; the first: %v", l.other, l.firstOther)
		return r
	}

	lost := map[string]bool{}
	for _, c := range l.lost {
		lost[c.id] = true
		_, accepted := l.accepted[c.id]
		r.errors = append(r.errors, fmt.Sprintf("%s (request %s, accepted by the fake: %v): the reply was lost in the client's transport: %v\n"+
			"the client's connection was closed by:\n%s", c.op, c.id, accepted, c.err, c.closedBy))
	}

	var disagree []string
	for id, op := range l.seen {
		if l.accepted[id] != op {
			disagree = append(disagree, fmt.Sprintf("%s (request %s): the client saw it succeed, the fake did not accept it", op, id))
		}
	}
	for id, op := range l.accepted {
		if _, ok := l.seen[id]; !ok && !lost[id] {
			disagree = append(disagree, fmt.Sprintf("%s (request %s): the fake accepted it, the client saw it fail", op, id))
		}
	}
	if len(disagree) > 0 {
		slices.Sort(disagree)
		r.errors = append(r.errors, fmt.Sprintf("the clients and the fake disagree about %d requests:\n%s", len(disagree),
			strings.Join(disagree[:min(len(disagree), 10)], "\n")))
	}
	return r
}

// Reset forgets every call, so that what the ledger holds does not count in
// a heap measurement.
func (l *Ledger) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen, l.accepted, l.outcomes = map[string]string{}, map[string]string{}, map[string]int{}
	l.lost, l.other, l.firstOther = nil, 0, nil
}

// Heap closes the idle connections of the client and of srv, collects
// garbage and returns HeapAlloc.
func (l *Ledger) Heap(srv *httptest.Server) uint64 {
	l.transport.CloseIdleConnections()
	srv.CloseClientConnections()
	var m runtime.MemStats
	for range 3 {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Close closes the client's idle connections.
func (l *Ledger) Close() { l.transport.CloseIdleConnections() }

// Clock is a fake clock that moves one millisecond per reading, so that a
// replay makes the same timestamps as the load it replays.
func Clock() func() time.Time {
	var ticks atomic.Int64
	return func() time.Time { return time.UnixMilli(1_700_000_000_000 + ticks.Add(1)) }
}

// idTransport sets Header on a request whose context holds a request ID, and
// hands the request body to net/http as a bodyReader.
type idTransport struct{ base http.RoundTripper }

func (t idTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	id, _ := r.Context().Value(idKey{}).(string)
	if id == "" && r.Body == nil {
		return t.base.RoundTrip(r)
	}
	r = r.Clone(r.Context()) // a RoundTripper must not change the request it is given
	if id != "" {
		r.Header.Set(Header, id)
	}
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = bodyReader{r.Body}
	}
	return t.base.RoundTrip(r)
}

// bodyReader is a request body with Read and Close only. It hides the
// WriteTo of the body the AWS SDK sends, which breaks a connection now and
// then under load: smithy-go closes the request body as soon as the client's
// Do returns, and from then on its body's WriteTo returns io.EOF (an error,
// for a WriteTo). When the server has answered before net/http's write loop
// is done with the request, the write loop's last look for bytes beyond
// Content-Length (an io.Copy, which takes WriteTo) gets that io.EOF, takes it
// for a failed write and closes the connection, while the SDK reads the
// reply from it: "use of closed network connection". Through Read, the same
// closed body gives io.EOF, which io.Copy takes for the end it is. The SDK
// retries such calls by default; the load tests turn retries off, to count
// every call once. TestBodyReaderAvoidsClosedConn shows both sides.
type bodyReader struct{ rc io.ReadCloser }

func (b bodyReader) Read(p []byte) (int, error) { return b.rc.Read(p) }
func (b bodyReader) Close() error               { return b.rc.Close() }

// dialTraced dials a tracedConn.
func dialTraced(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &tracedConn{Conn: c}, nil
}

// tracedConn is a client connection that remembers the stack of the first
// call that closed it.
type tracedConn struct {
	net.Conn
	mu       sync.Mutex
	closedBy []byte
}

func (c *tracedConn) Close() error {
	c.mu.Lock()
	if c.closedBy == nil {
		c.closedBy = debug.Stack()
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

// ReadFrom keeps the connection's own ReadFrom (the path net/http takes to
// write request bodies), so that tracing changes nothing of what is traced.
func (c *tracedConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(c.Conn, r)
}

// closer returns the stack that closed c, or why there is none.
func (c *tracedConn) closer() string {
	if c == nil {
		return "(unknown: the call got no traced connection)"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closedBy == nil {
		return "(nobody: the connection is not closed)"
	}
	return string(c.closedBy)
}
