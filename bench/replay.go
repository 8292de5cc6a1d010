package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Capture is an SDK HTTP client that sends requests with next and keeps a
// copy of the last one, to replay it without the SDK.
type Capture struct {
	Next *http.Client
	mu   sync.Mutex
	last *Exchange
}

// Do implements the SDK's HTTPClient.
func (c *Capture) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	c.mu.Lock()
	c.last = &Exchange{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	c.mu.Unlock()
	return c.Next.Do(r)
}

// Last returns the last request sent.
func (c *Capture) Last() *Exchange {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// Replay returns a call that sends ex's request (signed once by the SDK;
// neither moto nor the fake checks signatures) to baseURL with a plain
// net/http client and expects 200: a client much lighter than the SDK's, to
// show what a server can do when the client is not the bottleneck.
func Replay(ex *Exchange, baseURL string) func(context.Context) error {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	return func(ctx context.Context) error {
		req, err := ex.clientRequest(ctx, baseURL)
		if err != nil {
			return err
		}
		res, err := client.Do(req)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err == nil && res.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s %s: status %d", ex.Method, ex.Path, res.StatusCode)
		}
		return err
	}
}

// WithReply sends ex's request to baseURL once and returns a copy of ex with
// the reply filled in (status, headers, body), for FloorServer.
func WithReply(ctx context.Context, ex *Exchange, baseURL string) (*Exchange, error) {
	req, err := ex.clientRequest(ctx, baseURL)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s %s: status %d", ex.Method, ex.Path, res.StatusCode)
	}
	out := *ex
	out.Status, out.RespHeader, out.RespBody = res.StatusCode, res.Header.Clone(), body
	return &out, nil
}

// clientRequest builds ex's request, as recorded (headers and signature
// included), for a client to send to baseURL.
func (ex *Exchange) clientRequest(ctx context.Context, baseURL string) (*http.Request, error) {
	url := baseURL + ex.Path
	if ex.RawQuery != "" {
		url += "?" + ex.RawQuery
	}
	req, err := http.NewRequestWithContext(ctx, ex.Method, url, bytes.NewReader(ex.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range ex.Header {
		req.Header[k] = v
	}
	return req, nil
}
