// Package sigv4verify checks the AWS Signature Version 4 signature of an
// incoming HTTP request, the way an AWS service does: it recomputes the
// signature with aws-sdk-go-v2's own signer (aws/signer/v4) from the secret
// key of the request's access key ID and compares the two in constant time.
//
// A Verifier's Verify method has the shape the generated servers' option
// WithAuthenticator takes:
//
//	v := sigv4verify.New(sigv4verify.Static(map[string]string{"AKID": "SECRET"}))
//	srv := quicksight.NewServer(quicksight.NewFake(), quicksight.WithAuthenticator(v.Verify))
//
// Every refusal is an *Error, a smithy.APIError with status 403 and the
// error code AWS services reply with:
//
//	MissingAuthenticationTokenException  no Authorization header and no X-Amz-Signature query parameter
//	IncompleteSignatureException         a malformed Authorization header, credential scope or X-Amz-Date
//	UnrecognizedClientException          an access key ID the Verifier does not know
//	InvalidSignatureException            a signature that does not match, or a request time more
//	                                     than the allowed skew (5 minutes) away from the clock
//
// It may import the standard library, smithy-go and aws-sdk-go-v2's aws and
// aws/signer/v4 packages; generated packages never import it.
package sigv4verify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithy "github.com/aws/smithy-go"
)

// The error codes of the refusals, as AWS services reply them in X-Amzn-Errortype.
const (
	CodeMissingAuthenticationToken = "MissingAuthenticationTokenException"
	CodeIncompleteSignature        = "IncompleteSignatureException"
	CodeUnrecognizedClient         = "UnrecognizedClientException"
	CodeInvalidSignature           = "InvalidSignatureException"
)

// DefaultMaxSkew is how far the time a request was signed at may be from the
// verifier's clock: 5 minutes, what AWS services allow ("a request must reach
// AWS within five minutes of the time stamp in the request", IAM User Guide,
// "AWS Signature Version 4 for API requests"; their replies say "Signature
// expired: ... (... - 5 min.)"). Amazon S3 alone allows 15 minutes.
const DefaultMaxSkew = 5 * time.Minute

// maxPresignExpires is the longest X-Amz-Expires a presigned URL may have: 7 days.
const maxPresignExpires = 7 * 24 * time.Hour

const (
	algorithm  = "AWS4-HMAC-SHA256"
	timeFormat = "20060102T150405Z"
	dateFormat = "20060102"
	terminator = "aws4_request"
	unsigned   = "UNSIGNED-PAYLOAD"
)

// Error is a request the Verifier refuses. Its message never holds a secret
// key, a signature or the Authorization header.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// ErrorCode returns the AWS error code, for smithy.APIError.
func (e *Error) ErrorCode() string { return e.Code }

// ErrorMessage returns the message, for smithy.APIError.
func (e *Error) ErrorMessage() string { return e.Message }

// ErrorFault tells that the client is at fault, for smithy.APIError.
func (e *Error) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// HTTPStatusCode returns 403, the status AWS replies these errors with.
func (e *Error) HTTPStatusCode() int { return http.StatusForbidden }

var _ smithy.APIError = (*Error)(nil)

func refuse(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// mismatch is the refusal of a signature that does not match, worded as AWS words it.
func mismatch() *Error {
	return refuse(CodeInvalidSignature, "The request signature we calculated does not match the signature you provided. "+
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
}

// SecretLookup returns the secret access key of an access key ID, and false
// for an ID it does not know. It is called concurrently.
type SecretLookup func(accessKeyID string) (secret string, ok bool)

// Static returns a SecretLookup over a fixed map from access key ID to
// secret access key (copied).
func Static(secrets map[string]string) SecretLookup {
	m := maps.Clone(secrets)
	return func(id string) (string, bool) {
		s, ok := m[id]
		return s, ok
	}
}

// Option configures New.
type Option func(*Verifier)

// WithClock sets the clock the request time is checked against. The default is time.Now.
func WithClock(now func() time.Time) Option { return func(v *Verifier) { v.now = now } }

// WithMaxSkew sets how far the request time may be from the clock, either
// way. The default is DefaultMaxSkew (5 minutes); d < 1 keeps it.
func WithMaxSkew(d time.Duration) Option {
	return func(v *Verifier) {
		if d > 0 {
			v.skew = d
		}
	}
}

// WithService makes the Verifier refuse a request whose credential scope
// names another service than name (a SigV4 signing name, like the generated
// packages' SigningName). By default any service is accepted.
func WithService(name string) Option { return func(v *Verifier) { v.service = name } }

// Verifier checks SigV4 signatures. It is safe for concurrent use.
type Verifier struct {
	secret  SecretLookup
	now     func() time.Time
	skew    time.Duration
	service string
	signer  *v4.Signer
}

// New returns a Verifier that takes secret keys from secret.
func New(secret SecretLookup, opts ...Option) *Verifier {
	v := &Verifier{secret: secret, now: time.Now, skew: DefaultMaxSkew, signer: v4.NewSigner()}
	for _, o := range opts {
		o(v)
	}
	return v
}

// signature is what a request says about its signature.
type signature struct {
	presigned     bool
	accessKeyID   string
	date          string // YYYYMMDD of the credential scope
	region        string
	service       string
	signedHeaders string // as the request lists them: lower case, sorted, ';'-separated
	signature     string
	time          time.Time     // X-Amz-Date
	expires       time.Duration // presigned: X-Amz-Expires
}

// Verify checks the signature of r, with its header Authorization or, for a
// presigned URL, its query parameters X-Amz-*. It reads r.Body to hash it and
// puts back an in-memory copy: bound the body before (NewServer of a generated
// package does; elsewhere wrap it in http.MaxBytesReader). A refusal is an *Error.
func (v *Verifier) Verify(r *http.Request) error {
	sig, err := parse(r)
	if err != nil {
		return err
	}
	if v.service != "" && sig.service != v.service {
		return refuse(CodeInvalidSignature, "Credential should be scoped to correct service: '%s'.", v.service)
	}
	secret, ok := v.secret(sig.accessKeyID)
	if !ok {
		return refuse(CodeUnrecognizedClient, "The security token included in the request is invalid.")
	}
	if err := v.checkTime(sig); err != nil {
		return err
	}
	body, err := readBody(r)
	if err != nil {
		return refuse(CodeIncompleteSignature, "The request body could not be read.")
	}
	hash, err := payloadHash(r, body)
	if err != nil {
		return err
	}
	hashes := []string{hash}
	if sig.presigned && r.Header.Get("X-Amz-Content-Sha256") == "" {
		// A presigned URL may sign the body or, as Amazon S3's do, not.
		hashes = append(hashes, unsigned)
	}
	for _, h := range hashes {
		want, err := v.recompute(r, sig, secret, h)
		if err != nil {
			return err
		}
		if want.signedHeaders == sig.signedHeaders &&
			subtle.ConstantTimeCompare([]byte(want.signature), []byte(sig.signature)) == 1 {
			return nil
		}
	}
	return mismatch()
}

// parse reads the signature of r from its Authorization header or its query.
func parse(r *http.Request) (*signature, error) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		return parseHeader(r, auth)
	}
	q := r.URL.Query()
	if q.Has("X-Amz-Signature") || q.Has("X-Amz-Credential") || q.Has("X-Amz-Algorithm") {
		return parseQuery(r, q)
	}
	return nil, refuse(CodeMissingAuthenticationToken, "Missing Authentication Token")
}

// parseHeader reads "AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
// SignedHeaders=a;b, Signature=hex" and the X-Amz-Date header.
func parseHeader(r *http.Request, auth string) (*signature, error) {
	alg, rest, _ := strings.Cut(strings.TrimSpace(auth), " ")
	if alg != algorithm {
		return nil, refuse(CodeIncompleteSignature, "Unsupported Authorization type: only %s is accepted.", algorithm)
	}
	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			return nil, refuse(CodeIncompleteSignature, "A part of the Authorization header is not a valid key=value pair (missing equal-sign).")
		}
		fields[k] = val
	}
	var missing []string
	for _, k := range []string{"Credential", "Signature", "SignedHeaders"} {
		if fields[k] == "" {
			missing = append(missing, fmt.Sprintf("Authorization header requires '%s' parameter.", k))
		}
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		if r.Header.Get("Date") != "" {
			missing = append(missing, "Authorization header requires existence of a 'X-Amz-Date' header: a 'Date' header alone is not supported here.")
		} else {
			missing = append(missing, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
		}
	}
	if len(missing) > 0 {
		return nil, refuse(CodeIncompleteSignature, "%s", strings.Join(missing, " "))
	}
	sig := &signature{signedHeaders: fields["SignedHeaders"], signature: fields["Signature"]}
	if err := sig.parseCredential(fields["Credential"]); err != nil {
		return nil, err
	}
	if err := sig.parseTime(amzDate); err != nil {
		return nil, err
	}
	return sig, sig.checkSignedHeaders()
}

// parseQuery reads the X-Amz-* parameters of a presigned URL.
func parseQuery(r *http.Request, q url.Values) (*signature, error) {
	var missing []string
	for _, k := range []string{"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"} {
		if q.Get(k) == "" {
			missing = append(missing, fmt.Sprintf("AWS query-string parameters must include '%s'.", k))
		}
	}
	if len(missing) > 0 {
		return nil, refuse(CodeIncompleteSignature, "%s", strings.Join(missing, " "))
	}
	if q.Get("X-Amz-Algorithm") != algorithm {
		return nil, refuse(CodeIncompleteSignature, "Unsupported X-Amz-Algorithm: only %s is accepted.", algorithm)
	}
	sig := &signature{presigned: true, signedHeaders: q.Get("X-Amz-SignedHeaders"), signature: q.Get("X-Amz-Signature"), expires: maxPresignExpires}
	if err := sig.parseCredential(q.Get("X-Amz-Credential")); err != nil {
		return nil, err
	}
	if err := sig.parseTime(q.Get("X-Amz-Date")); err != nil {
		return nil, err
	}
	if e := q.Get("X-Amz-Expires"); e != "" {
		n, err := strconv.Atoi(e)
		if err != nil || n < 1 || time.Duration(n)*time.Second > maxPresignExpires {
			return nil, refuse(CodeIncompleteSignature, "X-Amz-Expires must be a whole number of seconds from 1 to %d.", int(maxPresignExpires/time.Second))
		}
		sig.expires = time.Duration(n) * time.Second
	}
	return sig, sig.checkSignedHeaders()
}

// parseCredential reads AKID/YYYYMMDD/REGION/SERVICE/aws4_request.
func (s *signature) parseCredential(cred string) error {
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return refuse(CodeIncompleteSignature, "Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/%s.", terminator)
	}
	if parts[4] != terminator {
		return refuse(CodeIncompleteSignature, "Credential should be scoped with a valid terminator: '%s'.", terminator)
	}
	if parts[0] == "" {
		return refuse(CodeIncompleteSignature, "Credential must name an access key ID.")
	}
	if parts[2] == "" {
		return refuse(CodeIncompleteSignature, "Credential should be scoped to a valid region.")
	}
	if parts[3] == "" {
		return refuse(CodeIncompleteSignature, "Credential should be scoped to a valid service.")
	}
	s.accessKeyID, s.date, s.region, s.service = parts[0], parts[1], parts[2], parts[3]
	return nil
}

// parseTime reads the X-Amz-Date, which must agree with the date of the scope.
func (s *signature) parseTime(amzDate string) error {
	t, err := time.Parse(timeFormat, amzDate)
	if err != nil {
		return refuse(CodeIncompleteSignature, "Date must be in ISO-8601 'basic format' (YYYYMMDD'T'HHMMSS'Z').")
	}
	s.time = t
	if d := t.Format(dateFormat); d != s.date {
		return refuse(CodeInvalidSignature, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			s.date, d, amzDate)
	}
	return nil
}

// checkSignedHeaders checks the SignedHeaders list names the host, which AWS requires.
func (s *signature) checkSignedHeaders() error {
	for h := range strings.SplitSeq(s.signedHeaders, ";") {
		if h == "host" {
			return nil
		}
	}
	return refuse(CodeIncompleteSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
}

// checkTime refuses a request signed too long ago or too far in the future,
// with the messages AWS replies.
func (v *Verifier) checkTime(sig *signature) error {
	now := v.now().UTC()
	skew := v.skew.String()
	if v.skew%time.Minute == 0 {
		skew = strconv.Itoa(int(v.skew/time.Minute)) + " min."
	}
	if sig.presigned {
		if end := sig.time.Add(sig.expires); now.After(end) {
			return refuse(CodeInvalidSignature, "Request has expired: it was valid until %s (X-Amz-Date plus X-Amz-Expires); it is now %s.",
				end.Format(timeFormat), now.Format(timeFormat))
		}
	} else if earliest := now.Add(-v.skew); sig.time.Before(earliest) {
		return refuse(CodeInvalidSignature, "Signature expired: %s is now earlier than %s (%s - %s)",
			sig.time.Format(timeFormat), earliest.Format(timeFormat), now.Format(timeFormat), skew)
	}
	if latest := now.Add(v.skew); sig.time.After(latest) {
		return refuse(CodeInvalidSignature, "Signature not yet current: %s is still later than %s (%s + %s)",
			sig.time.Format(timeFormat), latest.Format(timeFormat), now.Format(timeFormat), skew)
	}
	return nil
}

// readBody reads r.Body and puts back an in-memory copy.
func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, err
}

// payloadHash is the payload hash the signature covers: X-Amz-Content-Sha256
// when the request sends one (it must then be the body's hash, or
// UNSIGNED-PAYLOAD), else the hash of the body.
func payloadHash(r *http.Request, body []byte) (string, error) {
	sum := sha256.Sum256(body)
	actual := hex.EncodeToString(sum[:])
	claimed := r.Header.Get("X-Amz-Content-Sha256")
	switch {
	case claimed == "":
		return actual, nil
	case claimed == unsigned:
		return unsigned, nil
	case len(claimed) == 64 && isHex(claimed):
		if !strings.EqualFold(claimed, actual) {
			return "", refuse(CodeInvalidSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.")
		}
		return claimed, nil
	}
	return "", refuse(CodeIncompleteSignature, "x-amz-content-sha256 must be the hex SHA-256 of the body or %s.", unsigned)
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// recomputed is what the signer makes of the request.
type recomputed struct{ signedHeaders, signature string }

// recompute signs a copy of r, made of the headers the request says it
// signed, with aws-sdk-go-v2's signer, and returns its SignedHeaders and
// signature.
func (v *Verifier) recompute(r *http.Request, sig *signature, secret, hash string) (recomputed, error) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	// The path exactly as the client sent it: the request target before '?'.
	path := r.URL.EscapedPath()
	if strings.HasPrefix(r.RequestURI, "/") {
		path, _, _ = strings.Cut(r.RequestURI, "?")
	}
	query := r.URL.Query()
	if sig.presigned {
		query.Del("X-Amz-Signature")
	}
	req := &http.Request{
		Method: r.Method,
		URL:    &url.URL{Scheme: scheme, Host: r.Host, Opaque: "//" + r.Host + path, RawQuery: query.Encode()},
		Host:   r.Host,
		Header: http.Header{},
	}
	for h := range strings.SplitSeq(sig.signedHeaders, ";") {
		switch h {
		case "host":
		case "content-length":
			// The signer signs the length itself, when there is one.
			req.ContentLength = r.ContentLength
		default:
			if vals := r.Header.Values(h); len(vals) > 0 {
				req.Header[textproto.CanonicalMIMEHeaderKey(h)] = vals
			}
		}
	}
	creds := aws.Credentials{AccessKeyID: sig.accessKeyID, SecretAccessKey: secret}
	ctx := context.Background()
	if !sig.presigned {
		if err := v.signer.SignHTTP(ctx, creds, req, hash, sig.service, sig.region, sig.time); err != nil {
			return recomputed{}, refuse(CodeIncompleteSignature, "The request cannot be signed: %v", err)
		}
		parts := map[string]string{}
		_, rest, _ := strings.Cut(req.Header.Get("Authorization"), " ")
		for part := range strings.SplitSeq(rest, ",") {
			k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
			parts[k] = val
		}
		return recomputed{signedHeaders: parts["SignedHeaders"], signature: parts["Signature"]}, nil
	}
	signed, _, err := v.signer.PresignHTTP(ctx, creds, req, hash, sig.service, sig.region, sig.time,
		func(o *v4.SignerOptions) { o.DisableHeaderHoisting = true })
	if err != nil {
		return recomputed{}, refuse(CodeIncompleteSignature, "The request cannot be signed: %v", err)
	}
	u, err := url.Parse(signed)
	if err != nil {
		return recomputed{}, mismatch()
	}
	sq := u.Query()
	return recomputed{signedHeaders: sq.Get("X-Amz-SignedHeaders"), signature: sq.Get("X-Amz-Signature")}, nil
}
