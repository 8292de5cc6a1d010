package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"
)

// get makes a GET of path with l's client and fails on a status other than 200.
func get(ctx context.Context, l *Ledger, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := l.Client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// server answers /accept with 200 and notes the call as accepted, /refuse
// with 409, /accept-then-fail with 500 after noting the call as accepted,
// and /pretend with 200 without noting it.
func server(t *testing.T, l *Ledger) *httptest.Server {
	srv := httptest.NewServer(l.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/accept":
			l.Accepted(r.Context(), "Op")
		case "/refuse":
			w.WriteHeader(http.StatusConflict)
		case "/accept-then-fail":
			l.Accepted(r.Context(), "Op")
			w.WriteHeader(http.StatusInternalServerError)
		case "/pretend":
		}
	})))
	t.Cleanup(srv.Close)
	t.Cleanup(l.Close)
	return srv
}

func conflict(err error) string {
	if err != nil && strings.Contains(err.Error(), "409") {
		return "conflict"
	}
	return ""
}

func TestLedgerAgrees(t *testing.T) {
	l := New(4)
	srv := server(t, l)
	ctx := context.Background()
	var ids []string
	seenIDs := l.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids = append(ids, r.Header.Get(Header))
		l.Accepted(r.Context(), "Op")
	}))
	idSrv := httptest.NewServer(seenIDs)
	defer idSrv.Close()

	for range 3 {
		l.Do(ctx, "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+"/accept") }, conflict)
	}
	l.Do(ctx, "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+"/refuse") }, conflict)
	l.Do(ctx, "Op", func(ctx context.Context) error { return get(ctx, l, idSrv.URL) }, conflict)
	// Outside Do: no ID, not noted.
	if err := get(ctx, l, srv.URL+"/accept"); err != nil {
		t.Fatal(err)
	}
	if err := get(ctx, l, idSrv.URL); err != nil {
		t.Fatal(err)
	}

	r := l.report(5)
	if r.fatal != "" || len(r.errors) > 0 {
		t.Fatalf("report: %+v", r)
	}
	if want := "conflict 1, ok 4, other errors 0"; r.outcomes != want {
		t.Errorf("outcomes %q, want %q", r.outcomes, want)
	}
	if len(ids) != 2 || ids[0] != "5" || ids[1] != "" {
		t.Errorf("the server saw request IDs %q, want [5 \"\"]", ids)
	}
	l.Reset()
	if r := l.report(0); r.total != 0 || r.fatal != "" || len(r.errors) > 0 {
		t.Errorf("after Reset: %+v", r)
	}
}

func TestLedgerDisagrees(t *testing.T) {
	for _, tc := range []struct {
		path, want string
	}{
		{"/accept-then-fail", "the fake accepted it, the client saw it fail"},
		{"/pretend", "the client saw it succeed, the fake did not accept it"},
	} {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			l := New(4)
			srv := server(t, l)
			l.Do(context.Background(), "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+tc.path) },
				func(error) string { return "failure" })
			r := l.report(1)
			if r.fatal != "" || len(r.errors) != 1 || !strings.Contains(r.errors[0], "Op (request 1): "+tc.want) {
				t.Fatalf("report: %+v", r)
			}
		})
	}
}

func TestLedgerFatal(t *testing.T) {
	l := New(4)
	srv := server(t, l)
	l.Do(context.Background(), "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+"/refuse") }, conflict)
	if r := l.report(2); r.fatal != "the clients made 1 calls, not 2" {
		t.Errorf("fatal %q", r.fatal)
	}
	l.Do(context.Background(), "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+"/refuse") },
		func(error) string { return "" })
	if r := l.report(2); !strings.HasPrefix(r.fatal, "1 unexpected errors; the first: Op (request 2): status 409") {
		t.Errorf("fatal %q", r.fatal)
	}
}

// TestLedgerLost loses a reply by closing the client's connection under the
// body read, as net/http's write loop does in the race bodyReader avoids.
func TestLedgerLost(t *testing.T) {
	l := New(4)
	block := make(chan struct{})
	srv := server(t, l)
	slow := httptest.NewServer(l.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.Accepted(r.Context(), "Op")
		w.Header().Set("Content-Length", "10")
		w.Write([]byte("12345"))
		w.(http.Flusher).Flush()
		<-block
	})))
	defer slow.Close()
	defer close(block)

	lose := func(ctx context.Context) error {
		var conn net.Conn
		ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { conn = info.Conn }})
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, slow.URL, nil)
		if err != nil {
			return err
		}
		resp, err := l.Client().Do(req)
		if err != nil {
			return err
		}
		conn.Close()
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		return err
	}
	err := l.Do(context.Background(), "Op", lose, conflict)
	if !errors.Is(err, net.ErrClosed) {
		t.Fatalf("the call's error %v, want net.ErrClosed", err)
	}
	l.Do(context.Background(), "Op", func(ctx context.Context) error { return get(ctx, l, srv.URL+"/accept") }, conflict)
	r := l.report(2)
	if r.fatal != "" || len(r.errors) != 1 {
		t.Fatalf("report: %+v", r)
	}
	if want := "lost in the client's transport 1, ok 1, other errors 0"; r.outcomes != want {
		t.Errorf("outcomes %q, want %q", r.outcomes, want)
	}
	if !strings.HasPrefix(r.errors[0], "Op (request 1, accepted by the fake: true): the reply was lost in the client's transport: ") ||
		!strings.Contains(r.errors[0], "use of closed network connection") || !strings.Contains(r.errors[0], "loadtest.TestLedgerLost") {
		t.Errorf("error: %s", r.errors[0])
	}
}

// sdkBody is a request body as the AWS SDK sends it (smithy-go's safe read
// closer): once closed, Read and WriteTo return io.EOF. Its WriteTo waits
// for Close, which makes the race bodyReader avoids happen every time.
type sdkBody struct {
	mu     sync.Mutex
	r      *strings.Reader
	closed chan struct{}
}

func newSDKBody(s string) *sdkBody {
	return &sdkBody{r: strings.NewReader(s), closed: make(chan struct{})}
}

func (b *sdkBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.closed:
		return 0, io.EOF
	default:
		return b.r.Read(p)
	}
}

func (b *sdkBody) WriteTo(w io.Writer) (int64, error) {
	<-b.closed
	return 0, io.EOF
}

func (b *sdkBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.closed:
	default:
		close(b.closed)
	}
	return nil
}

// TestBodyReaderAvoidsClosedConn posts an SDK-like body to a server that
// answers with a reply too large to be buffered, closes the body as soon as
// Do returns (as smithy-go does) and reads the reply: straight through an
// http.Transport, the connection is closed under the read; through the
// ledger's client, the reply arrives whole.
func TestBodyReaderAvoidsClosedConn(t *testing.T) {
	reply := strings.Repeat("x", 1<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, reply)
	}))
	defer srv.Close()
	post := func(c *http.Client) (string, error) {
		body := newSDKBody(`{"a":1}`)
		req, err := http.NewRequest(http.MethodPost, srv.URL, body)
		if err != nil {
			return "", err
		}
		req.ContentLength = 7
		resp, err := c.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		body.Close()
		data, err := io.ReadAll(resp.Body)
		return string(data), err
	}

	plain := &http.Transport{}
	defer plain.CloseIdleConnections()
	if _, err := post(&http.Client{Transport: plain}); !errors.Is(err, net.ErrClosed) {
		t.Errorf("straight through net/http: %v, want net.ErrClosed (if net/http no longer breaks the connection, bodyReader may go)", err)
	}
	l := New(1)
	defer l.Close()
	got, err := post(l.Client())
	if err != nil || got != reply {
		t.Errorf("through the ledger's client: %d bytes, %v; want the whole reply", len(got), err)
	}
}
