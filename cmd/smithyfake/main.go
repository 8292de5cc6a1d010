// Command smithyfake serves the in-memory fakes of every service package
// smithygen generates (generated/quicksight, generated/appfabric,
// generated/appflow) on one HTTP port, so that AWS SDKs and the AWS CLI can
// be pointed at it with an endpoint URL.
//
// Usage:
//
//	smithyfake [-addr 127.0.0.1:4566] [-validation all|required|off] [-region us-east-1] [-account 123456789012]
//
// Flags:
//
//	-addr ADDR        address to listen on; port 0 picks a free port (default 127.0.0.1:4566)
//	-validation MODE  model constraints checked before an operation runs: all, required (only
//	                  required members) or off (default all)
//	-region REGION    region of the ARNs the fakes make (default us-east-1)
//	-account ID       account of the ARNs the fakes make when a request names none (default 123456789012)
//
// The first line smithyfake prints on standard output is
//
//	listening on http://HOST:PORT
//
// Each request goes to the service named by the SigV4 credential scope of
// its Authorization header (or X-Amz-Credential query parameter), so that
// signed requests of any SDK reach the right fake. An unsigned request goes
// to the one service with a route for its method and path; when several
// have one it is refused with 400, when none has one with 404. Every request
// is logged to standard error on one line: service, operation, status and
// duration; never a header or a body, so no secret reaches the log.
// SIGINT or SIGTERM shut the server down cleanly (requests in flight finish)
// and smithyfake exits 0.
//
// State lives in memory only and is lost when smithyfake stops.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "smithyfake:", err)
		os.Exit(2)
	}
}

// run serves until ctx is done, then shuts down.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("smithyfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:4566", "address to listen on; port 0 picks a free port")
	validation := fs.String("validation", "all", "model constraints checked: all, required or off")
	region := fs.String("region", "us-east-1", "region of the ARNs the fakes make")
	account := fs.String("account", "123456789012", "account of the ARNs the fakes make when a request names none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg := config{validation: *validation, region: *region, account: *account}
	services, err := newServices(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr())
	logger := log.New(stderr, "", log.LstdFlags|log.Lmicroseconds)
	srv := &http.Server{Handler: &router{services: services, log: logger}, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	logger.Print("shut down")
	return nil
}

// config is what the flags say about every fake.
type config struct {
	validation, region, account string
}

// service is one generated package, served.
type service struct {
	name        string // the package name
	signingName string // the SigV4 service name
	handler     http.Handler
	match       func(*http.Request) (string, bool) // the package's MatchOperation
}

// router sends each request to its service and logs it.
type router struct {
	services []*service
	log      *log.Logger
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	svc, err := rt.pick(r)
	name, op := "-", "-"
	if err != nil {
		writeError(rec, err)
	} else {
		name = svc.name
		if o, ok := svc.match(r); ok {
			op = o
		}
		svc.handler.ServeHTTP(rec, r)
	}
	rt.log.Printf("%s %s %d %s", name, op, rec.status, time.Since(start).Round(time.Microsecond))
}

// routeError is a request no service takes.
type routeError struct {
	status  int
	code    string
	message string
}

func (e *routeError) Error() string { return e.message }

// pick chooses the service of a request: by SigV4 credential scope, else by route.
func (rt *router) pick(r *http.Request) (*service, error) {
	if name := signingName(r); name != "" {
		for _, s := range rt.services {
			if s.signingName == name {
				return s, nil
			}
		}
	}
	var found []*service
	for _, s := range rt.services {
		if _, ok := s.match(r); ok {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, &routeError{http.StatusNotFound, "UnknownOperationException",
			fmt.Sprintf("no service here has an operation for %s %s", r.Method, r.URL.Path)}
	}
	var names []string
	for _, s := range found {
		names = append(names, s.name)
	}
	return nil, &routeError{http.StatusBadRequest, "AmbiguousRequestException",
		fmt.Sprintf("%s %s is an operation of %s; sign the request (SigV4) to choose one", r.Method, r.URL.Path, strings.Join(names, " and "))}
}

// signingName returns the service of the SigV4 credential scope of a request
// (Credential=AKID/DATE/REGION/SERVICE/aws4_request), or "".
func signingName(r *http.Request) string {
	cred := ""
	if auth := r.Header.Get("Authorization"); auth != "" {
		if i := strings.Index(auth, "Credential="); i >= 0 {
			cred = auth[i+len("Credential="):]
			if j := strings.IndexAny(cred, ", "); j >= 0 {
				cred = cred[:j]
			}
		}
	} else {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" {
		return ""
	}
	return parts[3]
}

func writeError(w http.ResponseWriter, err error) {
	var re *routeError
	if !errors.As(err, &re) {
		re = &routeError{http.StatusInternalServerError, "InternalFailure", err.Error()}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", re.code)
	w.WriteHeader(re.status)
	fmt.Fprintf(w, "{\"message\":%q}", re.message)
}

// statusRecorder remembers the status a handler writes, for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
