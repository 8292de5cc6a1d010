// Command smithyfake serves the in-memory fakes of every service package
// smithygen generates (generated/quicksight, generated/appfabric,
// generated/appflow) on one HTTP port, so that AWS SDKs and the AWS CLI can
// be pointed at it with an endpoint URL.
//
// Usage:
//
//	smithyfake [-addr 127.0.0.1:4566] [-validation all|required|off] [-region us-east-1] [-account 123456789012]
//	           [-credentials AKID:SECRET ...] [-max-skew 5m] [-state FILE]
//	           [-max-body-bytes N] [-max-header-bytes N] [-max-depth N]
//	           [-read-header-timeout D] [-read-timeout D] [-write-timeout D] [-idle-timeout D]
//
// Flags:
//
//	-addr ADDR        address to listen on; port 0 picks a free port (default 127.0.0.1:4566)
//	-validation MODE  model constraints checked before an operation runs: all, required (only
//	                  required members) or off (default all)
//	-region REGION    region of the ARNs the fakes make (default us-east-1)
//	-account ID       account of the ARNs the fakes make when a request names none (default 123456789012)
//
// Authentication:
//
//	-credentials AKID:SECRET  an access key ID and its secret access key; repeat for more keys.
//	                  With at least one, every request must carry a valid AWS Signature
//	                  Version 4 (Authorization header or presigned query) made with one of
//	                  them. Without any, requests are served signed or not, as moto does.
//	-max-skew D       how far the time a request was signed at may be from smithyfake's
//	                  clock, either way (default 5m, what AWS services allow)
//
// A refused request gets status 403 and the error code AWS replies with:
// MissingAuthenticationTokenException (not signed), IncompleteSignatureException
// (a malformed Authorization header, credential scope or X-Amz-Date),
// UnrecognizedClientException (an access key ID not given with -credentials)
// or InvalidSignatureException (a wrong signature, or one made more than
// -max-skew from now: "Signature expired: ..."). Signatures are recomputed with
// aws-sdk-go-v2's signer (package sigv4verify). A command line is visible to
// other users of the machine: use throwaway keys.
//
// Persistence:
//
//	-state FILE       keep the state of every fake in FILE: read it on start (a missing file
//	                  is an empty state), write it after every request that changed something
//	                  and on shutdown
//
// The file is JSON: {"smithyfake": 1, "services": {"quicksight": <snapshot>, ...}}, each
// snapshot the output of the package's Fake.Snapshot. It is written atomically:
// a temporary file in the same directory (mode 0600), fsync, rename over FILE,
// fsync of the directory; a crash mid-write leaves the previous FILE as it
// was (and a stray .FILE.tmp-* file, removed at the next start). A FILE that
// does not read is an error: smithyfake exits 1 and leaves it untouched. Two
// smithyfakes must not share one FILE.
//
// Limits:
//
//	-max-body-bytes N      largest request body; a larger one gets 413
//	                       RequestEntityTooLargeException (default 10485760, 10 MiB)
//	-max-header-bytes N    largest request header block; a larger one gets 431 from
//	                       net/http (default 1048576, 1 MiB)
//	-max-depth N           deepest nesting of JSON objects and arrays in a request body,
//	                       unknown members and documents included; a deeper one gets 400
//	                       SerializationException (default 128, at most 10000)
//	-read-header-timeout D time to read a request's headers (default 10s)
//	-read-timeout D        time to read a whole request, body included (default 1m)
//	-write-timeout D       time from the end of the request headers to the end of the reply (default 1m)
//	-idle-timeout D        how long a keep-alive connection may wait for its next request (default 2m)
//
// A timeout of 0 means none.
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
// SIGINT or SIGTERM shut the server down cleanly (requests in flight finish,
// the state is saved) and smithyfake exits 0.
//
// Exit status: 0 after a clean shutdown (or -h), 1 when smithyfake cannot
// run (the address is taken, the -state file does not read or cannot be
// written), 2 for a usage error.
package main

import (
	"context"
	"encoding/json"
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

	"github.com/smithygen/smithygen/sigv4verify"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "smithyfake:", err)
		var ue *usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a command line smithyfake cannot run with: exit status 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return &usageError{fmt.Errorf(format, args...)} }

// credentialsFlag collects -credentials values. It never prints them, and
// refuses a bad one after parsing (flag would quote it, secret and all).
type credentialsFlag struct{ values []string }

func (c *credentialsFlag) String() string     { return "" }
func (c *credentialsFlag) Set(v string) error { c.values = append(c.values, v); return nil }

// secrets turns AKID:SECRET values into a map; an error never quotes a value.
func (c *credentialsFlag) secrets() (map[string]string, error) {
	if len(c.values) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for i, v := range c.values {
		id, secret, ok := strings.Cut(v, ":")
		if !ok || id == "" || secret == "" {
			return nil, usagef("-credentials value %d of %d: want ACCESS_KEY_ID:SECRET_ACCESS_KEY (value not shown)", i+1, len(c.values))
		}
		if _, dup := m[id]; dup {
			return nil, usagef("-credentials value %d of %d: its access key ID was given before", i+1, len(c.values))
		}
		m[id] = secret
	}
	return m, nil
}

// run serves until ctx is done, then shuts down.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("smithyfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:4566", "address to listen on; port 0 picks a free port")
	validation := fs.String("validation", "all", "model constraints checked: all, required or off")
	region := fs.String("region", "us-east-1", "region of the ARNs the fakes make")
	account := fs.String("account", "123456789012", "account of the ARNs the fakes make when a request names none")
	var creds credentialsFlag
	fs.Var(&creds, "credentials", "an access key that may sign requests, as `AKID:SECRET`; repeatable; with none, requests need no signature")
	maxSkew := fs.Duration("max-skew", sigv4verify.DefaultMaxSkew, "how far a request's signing time may be from the clock")
	statePath := fs.String("state", "", "keep the fakes' state in `FILE` across restarts")
	maxBody := fs.Int64("max-body-bytes", 10<<20, "largest request body, in bytes")
	maxHeader := fs.Int("max-header-bytes", http.DefaultMaxHeaderBytes, "largest request header block, in bytes")
	maxDepth := fs.Int("max-depth", 128, "deepest nesting of JSON objects and arrays in a request body (at most 10000)")
	readHeader := fs.Duration("read-header-timeout", 10*time.Second, "time to read a request's headers; 0 for none")
	read := fs.Duration("read-timeout", time.Minute, "time to read a whole request; 0 for none")
	write := fs.Duration("write-timeout", time.Minute, "time to write a reply, from the end of the request headers; 0 for none")
	idle := fs.Duration("idle-timeout", 2*time.Minute, "how long a keep-alive connection may wait for its next request; 0 for none")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	secrets, err := creds.secrets()
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    int64
	}{{"-max-body-bytes", *maxBody}, {"-max-header-bytes", int64(*maxHeader)}, {"-max-depth", int64(*maxDepth)}} {
		if f.v < 1 {
			return usagef("%s must be at least 1", f.name)
		}
	}
	if *maxDepth > 10000 {
		return usagef("-max-depth must be at most 10000")
	}
	for _, f := range []struct {
		name string
		d    time.Duration
	}{{"-max-skew", *maxSkew}, {"-read-header-timeout", *readHeader}, {"-read-timeout", *read}, {"-write-timeout", *write}, {"-idle-timeout", *idle}} {
		if f.d < 0 {
			return usagef("%s must not be negative", f.name)
		}
	}
	cfg := config{validation: *validation, region: *region, account: *account, maxBodyBytes: *maxBody, maxDepth: *maxDepth}
	if secrets != nil {
		cfg.verifier = func(service string) *sigv4verify.Verifier {
			opts := []sigv4verify.Option{sigv4verify.WithMaxSkew(*maxSkew)}
			if service != "" {
				opts = append(opts, sigv4verify.WithService(service))
			}
			return sigv4verify.New(sigv4verify.Static(secrets), opts...)
		}
	}
	services, err := newServices(cfg)
	if err != nil {
		return &usageError{err}
	}
	logger := log.New(stderr, "", log.LstdFlags|log.Lmicroseconds)
	var state *stateFile
	if *statePath != "" {
		if state, err = openState(*statePath, services, logger); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr())
	rt := &router{services: services, log: logger, maxBodyBytes: *maxBody}
	if cfg.verifier != nil {
		rt.verify = cfg.verifier("").Verify
	}
	if state != nil {
		rt.changed = state.changed
		go state.run()
	}
	srv := httpLimits{readHeader: *readHeader, read: *read, write: *write, idle: *idle, maxHeaderBytes: *maxHeader}.server(rt)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if state != nil {
			state.stop()
		}
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdown)
	if state != nil {
		state.stop()
		if serr := state.save(); serr != nil {
			return errors.Join(err, serr)
		}
	}
	if err != nil {
		return err
	}
	logger.Print("shut down")
	return nil
}

// httpLimits are the flags that bound a connection.
type httpLimits struct {
	readHeader, read, write, idle time.Duration
	maxHeaderBytes                int
}

// server returns the http.Server of h with the limits.
func (l httpLimits) server(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: l.readHeader, ReadTimeout: l.read, WriteTimeout: l.write,
		IdleTimeout: l.idle, MaxHeaderBytes: l.maxHeaderBytes}
}

// config is what the flags say about every fake.
type config struct {
	validation, region, account string
	maxBodyBytes                int64
	maxDepth                    int
	// verifier returns the signature verifier of a service (every service
	// for ""); nil when requests need no signature.
	verifier func(service string) *sigv4verify.Verifier
}

// service is one generated package, served.
type service struct {
	name        string // the package name
	signingName string // the SigV4 service name
	handler     http.Handler
	match       func(*http.Request) (string, bool) // the package's MatchOperation
	snapshot    func() ([]byte, error)             // the fake's Snapshot
	restore     func([]byte) error                 // the fake's Restore
}

// router sends each request to its service and logs it.
type router struct {
	services     []*service
	log          *log.Logger
	maxBodyBytes int64
	verify       func(*http.Request) error // nil: no signature needed
	changed      func()                    // nil: no state file
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	svc, err := rt.pick(r)
	name, op := "-", "-"
	if err != nil {
		// Like AWS, check the signature before saying there is no such operation.
		if aerr := rt.authenticate(rec, r); aerr != nil {
			err = aerr
		}
		writeError(rec, err)
	} else {
		name = svc.name
		if o, ok := svc.match(r); ok {
			op = o
		}
		svc.handler.ServeHTTP(rec, r)
		if rt.changed != nil && rec.status < 400 && r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions {
			rt.changed()
		}
	}
	rt.log.Printf("%s %s %d %s", name, op, rec.status, time.Since(start).Round(time.Microsecond))
}

// authenticate checks the signature of a request no service takes; nil when
// it is good or none is needed.
func (rt *router) authenticate(w http.ResponseWriter, r *http.Request) error {
	if rt.verify == nil {
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, rt.maxBodyBytes)
	err := rt.verify(r)
	if err == nil {
		return nil
	}
	var ve *sigv4verify.Error
	if errors.As(err, &ve) {
		return &routeError{ve.HTTPStatusCode(), ve.Code, ve.Message}
	}
	return &routeError{http.StatusForbidden, "AccessDeniedException", "the request could not be authenticated"}
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
	body, _ := json.Marshal(struct {
		Message string `json:"message"`
	}{re.message})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", re.code)
	w.WriteHeader(re.status)
	w.Write(body)
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
