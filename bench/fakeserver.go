package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

// FakeServerMain is the source of a command that serves the generated fake
// of the package at importPath on a free loopback port and prints
// "listening http://ADDR" once it accepts connections. With -floor FILE
// (written by WriteFloorReply) it serves that fixed reply to every request
// instead: the floor of a server in a process of its own.
func FakeServerMain(importPath string) []byte {
	return []byte(`// Command fakeserver serves a generated fake for the benchmarks.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"

	fake "` + importPath + `"
)

func main() {
	var h http.Handler = fake.NewFake()
	if len(os.Args) == 3 && os.Args[1] == "-floor" {
		data, err := os.ReadFile(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var reply struct {
			Status int
			Header http.Header
			Body   []byte
		}
		if err := json.Unmarshal(data, &reply); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		reply.Header.Set("Content-Length", strconv.Itoa(len(reply.Body)))
		reply.Header.Del("Date")
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			for k, v := range reply.Header {
				w.Header()[k] = v
			}
			w.WriteHeader(reply.Status)
			w.Write(reply.Body)
		})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("listening http://%s\n", ln.Addr())
	fmt.Fprintln(os.Stderr, http.Serve(ln, h))
	os.Exit(1)
}
`)
}

// WriteFloorReply writes the reply of ex for FakeServerMain's -floor.
func WriteFloorReply(path string, ex *Exchange) error {
	data, err := json.Marshal(struct {
		Status int
		Header http.Header
		Body   []byte
	}{ex.Status, ex.RespHeader, ex.RespBody})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// Process is a server started by StartServer.
type Process struct {
	URL string
	cmd *exec.Cmd
}

// StartFakeServer runs exe (built from FakeServerMain) and waits for its address.
func StartFakeServer(exe string, args ...string) (*Process, error) {
	cmd := exec.Command(exe, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Process{cmd: cmd}
	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(out)
		if s.Scan() {
			line <- s.Text()
		}
		close(line)
	}()
	select {
	case l, ok := <-line:
		if url, found := strings.CutPrefix(l, "listening "); ok && found {
			p.URL = url
			return p, nil
		}
		p.Stop()
		return nil, fmt.Errorf("%s: unexpected first line %q", exe, l)
	case <-time.After(30 * time.Second):
		p.Stop()
		return nil, fmt.Errorf("%s: no address after 30s", exe)
	}
}

// Stop kills the server (only this process, by its PID) and waits for it.
func (p *Process) Stop() {
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	}
}
