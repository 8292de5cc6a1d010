package astjson
import ("testing";"fmt")
func TestZZ(t *testing.T) {
	m := mustBuild(t, file{"in.json", writeInput})
	out, err := Write(m)
	fmt.Print(string(out), err)
}
const writeInput = `{
  "smithy": "2.0",
  "metadata": {"z": [3, 1], "a": {"y": "\u0001\"\\", "b": null}},
  "shapes": {
    "ns#Svc": {
      "type": "service",
      "traits": {"smithy.api#title": "Ti<t>le", "smithy.api#documentation": "Docs"},
      "rename": {"ns#Zed": "Z", "ns#Alpha": "A"},
      "errors": [{"target": "ns#Oops"}],
      "operations": [{"target": "ns#Op"}],
      "version": "1"
    },
    "ns#Op": {"type": "operation", "errors": [{"target": "ns#Oops"}], "input": {"target": "ns#Zed"}},
    "ns#Oops": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}},
    "ns#Zed": {
      "type": "structure",
      "members": {
        "z": {"target": "ns#Alpha", "traits": {"ns#custom": {"b": [1.0, true], "a": "é\n"}}},
        "a": {"target": "smithy.api#String"}
      }
    },
    "ns#Alpha": {"type": "list", "member": {"target": "smithy.api#Integer"}},
    "ns#M": {"type": "map", "value": {"target": "smithy.api#String"}, "key": {"target": "smithy.api#String"}}
  }
}`
