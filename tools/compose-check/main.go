// compose-check loads a Compose file with compose-go, the loader of Docker Compose itself,
// and prints the normalised project, or "INVALID: <reason>" and exit code 1. It lets
// test/integration/deployment check docker-compose.yml without a Docker engine.
// Usage: compose-check <compose file> <working directory>
// Built into .cache/bin by scripts/ensure-k8s-tools.sh.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	opts, err := cli.NewProjectOptions([]string{os.Args[1]}, cli.WithWorkingDirectory(os.Args[2]), cli.WithName("metered-supplies"))
	if err != nil {
		panic(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		fmt.Println("INVALID:", err)
		os.Exit(1)
	}
	out, _ := p.MarshalYAML()
	fmt.Println(string(out))
}
