/*
 * plan_k8s.c - a plan for Kubernetes: the chunks as an Indexed Job (the
 * pod of completion index K, 0-based, runs task K + 1 of tasks.txt; a
 * failed index is retried on its own, backoffLimitPerIndex), then the
 * assembly as a second Job that submit.sh applies once the first one
 * completed. See the Job reference, kubernetes.io/docs/concepts/workloads/
 * controllers/job/.
 */
#include "plan.h"

#define K8S_PARALLELISM 16

/* The pod template of both Jobs up to its command, which the caller
 * writes as a YAML flow sequence. */
static void pod_head(FILE *f, const char *container)
{
    fprintf(f, "  template:\n"
               "    spec:\n"
               "      restartPolicy: Never\n"
               "      containers:\n"
               "      - name: %s\n"
               "        image: OYSTER_IMAGE   # submit.sh puts $OYSTER_IMAGE here (README.md)\n"
               "        command: [\"/bin/sh\", ", container);
}

/* The rest: the plan's folder, mounted where it is here. */
static void pod_tail(FILE *f, const plan *p)
{
    fputs("]\n"
          "        volumeMounts:\n"
          "        - name: plan\n"
          "          mountPath: ", f);
    plan_yaml(f, p->dir);
    fputs("\n"
          "      volumes:\n"
          "      - name: plan\n"
          "        persistentVolumeClaim:\n"
          "          claimName: oyster-plan   # a ReadWriteMany claim holding this folder\n", f);
}

static int job_yaml(FILE *f, const plan *p)
{
    fprintf(f, "# job.yaml - every chunk of this plan as a Kubernetes Indexed Job: the pod\n"
               "# of index K runs chunk.sh K+1. submit.sh applies it.\n"
               "apiVersion: batch/v1\n"
               "kind: Job\n"
               "metadata:\n"
               "  name: %s-render\n"
               "spec:\n"
               "  completionMode: Indexed\n"
               "  completions: %lld\n"
               "  parallelism: %lld   # pods at once\n"
               "  backoffLimitPerIndex: 2   # a failed chunk is tried twice more, on its own\n"
               "  # maxFailedIndexes unset: every chunk is tried even after one failed\n",
            p->job, (long long)p->tasks,
            (long long)(p->tasks < K8S_PARALLELISM ? p->tasks : K8S_PARALLELISM));
    pod_head(f, "render");
    /* chunk.sh's path is sh's $0, so it is quoted for YAML alone */
    fputs("\"-c\", \"exec /bin/sh \\\"$0\\\" \\\"$((JOB_COMPLETION_INDEX + 1))\\\"\", ", f);
    plan_yaml_path(f, p, "chunk.sh");
    pod_tail(f, p);
    return 0;
}

static int assemble_yaml(FILE *f, const plan *p)
{
    fprintf(f, "# assemble-job.yaml - the videos from the chunks, one pod; submit.sh\n"
               "# applies it once job.yaml's Job completed.\n"
               "apiVersion: batch/v1\n"
               "kind: Job\n"
               "metadata:\n"
               "  name: %s-assemble\n"
               "spec:\n"
               "  backoffLimit: 2\n", p->job);
    pod_head(f, "assemble");
    plan_yaml_path(f, p, "assemble.sh");
    pod_tail(f, p);
    return 0;
}

static int submit_sh(FILE *f, const plan *p)
{
    fputs("#!/bin/sh\n"
          "# submit.sh - run this plan on Kubernetes: the chunks as an Indexed Job,\n"
          "# then, once it completed, the assembly. OYSTER_IMAGE names the image\n"
          "# the pods run (README.md).\n"
          "set -eu\n"
          ": \"${OYSTER_IMAGE:?set OYSTER_IMAGE to an image with oyster, see README.md}\"\n"
          "plan=", f);
    plan_sh(f, p->dir);
    fprintf(f, "\n\n"
               "apply() {   # apply FILE: with the image filled in\n"
               "    sed \"s|OYSTER_IMAGE|$OYSTER_IMAGE|\" \"$plan/$1\" | kubectl apply -f -\n"
               "}\n"
               "wait_job() {   # wait_job NAME: until it completed (0) or failed (1)\n"
               "    while :; do\n"
               "        state=$(kubectl get job \"$1\" -o jsonpath='{range .status.conditions[?(@.status==\"True\")]}{.type} {end}')\n"
               "        case \" $state \" in\n"
               "        *\" Complete \"*) return 0 ;;\n"
               "        *\" Failed \"*) echo \"submit.sh: job $1 failed: kubectl describe job $1\" >&2; return 1 ;;\n"
               "        esac\n"
               "        sleep 10\n"
               "    done\n"
               "}\n\n"
               "apply job.yaml\n"
               "echo \"rendering %lld chunks: kubectl get pods -l job-name=%s-render\"\n"
               "wait_job %s-render\n"
               "apply assemble-job.yaml\n"
               "wait_job %s-assemble\n"
               "echo \"done: the videos are in $plan\"\n",
            (long long)p->tasks, p->job, p->job, p->job);
    return 0;
}

static int readme(FILE *f, const plan *p)
{
    plan_readme_head(f, p, "Kubernetes");
    fputs("## Files\n\n"
          "* `job.yaml`: an Indexed Job, one completion per chunk; the pod of index\n"
          "  K (from 0, `JOB_COMPLETION_INDEX`) runs `chunk.sh K+1`.\n"
          "* `tasks.txt`: line K is task K: the shot's number, the chunk I and N.\n"
          "* `chunk.sh TASK`: renders one task.\n"
          "* `assemble-job.yaml`, `assemble.sh`: the videos from the chunks.\n"
          "* `submit.sh`: applies job.yaml, waits for it to complete, then applies\n"
          "  assemble-job.yaml and waits for that.\n\n"
          "## Before submitting\n\n"
          "* The pods run the image named by `OYSTER_IMAGE` (submit.sh writes it into\n"
          "  the `image: OYSTER_IMAGE` lines): one with oyster's runtime libraries and\n"
          "  the oyster binary at the path above.\n"
          "* This folder is the volume `oyster-plan`, a ReadWriteMany\n"
          "  PersistentVolumeClaim, mounted at the path it has here. The scripts must\n"
          "  be at their paths in the pods too: keep them in the image, or add their\n"
          "  folder as another volume to both YAML files.\n\n"
          "## Submitting\n\n    OYSTER_IMAGE=registry.example.com/oyster:latest sh ", f);
    plan_sh(f, p->dir);
    fputs("/submit.sh\n\n", f);
    plan_readme_tail(f, p);
    return 0;
}

int plan_k8s(const plan *p)
{
    int err;

    if ((err = plan_write_tasks(p)) || (err = plan_write_assemble(p)) ||
        (err = plan_write(p, "job.yaml", 0, job_yaml)) ||
        (err = plan_write(p, "assemble-job.yaml", 0, assemble_yaml)) ||
        (err = plan_write(p, "submit.sh", 1, submit_sh)))
        return err;
    return plan_write(p, "README.md", 0, readme);
}
