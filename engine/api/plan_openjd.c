/*
 * plan_openjd.c - a plan as an Open Job Description job template
 * (specification jobtemplate-2023-09, github.com/OpenJobDescription/
 * openjd-specifications, wiki "Template Schemas"): a step "render" whose
 * parameter space is the task number over tasks.txt, and a step
 * "assemble" that depends on it. The file is template.yaml, the name a
 * Deadline Cloud job bundle gives it, so the plan's folder is a bundle.
 */
#include "plan.h"

static int template_yaml(FILE *f, const plan *p)
{
    fprintf(f, "# template.yaml - this plan as an Open Job Description job template; this\n"
               "# folder is a job bundle. submit.sh says how to run it.\n"
               "specificationVersion: jobtemplate-2023-09\n"
               "name: %s\n"
               "steps:\n"
               "- name: render\n"
               "  description: one task per chunk, task K renders line K of tasks.txt\n"
               "  parameterSpace:\n"
               "    taskParameterDefinitions:\n"
               "    - name: Chunk\n"
               "      type: INT\n", p->job);
    if (p->tasks == 1)
        fputs("      range: \"1\"\n", f);
    else
        fprintf(f, "      range: \"1-%lld\"\n", (long long)p->tasks);
    fputs("  script:\n"
          "    actions:\n"
          "      onRun:\n"
          "        command: /bin/sh\n"
          "        args: [", f);
    plan_yaml_path(f, p, "chunk.sh");
    fputs(", \"{{Task.Param.Chunk}}\"]\n"
          "- name: assemble\n"
          "  description: the videos from the chunks\n"
          "  dependencies:\n"
          "  - dependsOn: render\n"
          "  script:\n"
          "    actions:\n"
          "      onRun:\n"
          "        command: /bin/sh\n"
          "        args: [", f);
    plan_yaml_path(f, p, "assemble.sh");
    fputs("]\n", f);
    return 0;
}

static int submit_sh(FILE *f, const plan *p)
{
    fputs("#!/bin/sh\n"
          "# submit.sh - run this plan's job template: on AWS Deadline Cloud with\n"
          "# `deadline bundle submit` (this folder is the bundle; extra arguments go\n"
          "# to it), else here with the Open Job Description CLI, `openjd run`.\n"
          "set -eu\n"
          "plan=", f);
    plan_sh(f, p->dir);
    fputs("\nif command -v deadline >/dev/null 2>&1; then\n"
          "    exec deadline bundle submit \"$plan\" \"$@\"\n"
          "elif command -v openjd >/dev/null 2>&1; then\n"
          "    exec openjd run \"$plan/template.yaml\" --step assemble --run-dependencies\n"
          "fi\n"
          "echo \"submit.sh: neither 'deadline' nor 'openjd' is installed. Either:\" >&2\n"
          "echo \"  pip install deadline; deadline bundle submit '$plan'\" >&2\n"
          "echo \"  pip install openjd-cli; openjd run '$plan/template.yaml' --step assemble --run-dependencies\" >&2\n"
          "exit 1\n", f);
    return 0;
}

static int readme(FILE *f, const plan *p)
{
    plan_readme_head(f, p, "Open Job Description");
    fputs("## Files\n\n"
          "* `template.yaml`: the job template (jobtemplate-2023-09). Step `render`\n"
          "  has a task per chunk, its parameter `Chunk` the task number; step\n"
          "  `assemble` depends on it.\n"
          "* `tasks.txt`: line K is task K: the shot's number, the chunk I and N.\n"
          "* `chunk.sh TASK`: renders one task.\n"
          "* `assemble.sh`: the videos from the chunks.\n"
          "* `submit.sh`: submits with `deadline bundle submit` when the Deadline\n"
          "  Cloud CLI is installed, else runs the job here with `openjd run`.\n\n"
          "## Submitting\n\n    sh ", f);
    plan_sh(f, p->dir);
    fputs("/submit.sh\n\n"
          "This folder is a Deadline Cloud job bundle: its workers must see the\n"
          "paths above on a shared file system (a storage profile of type\n"
          "SHARED), as the template names them as they are here.\n\n", f);
    plan_readme_tail(f, p);
    return 0;
}

int plan_openjd(const plan *p)
{
    int err;

    if ((err = plan_write_tasks(p)) || (err = plan_write_assemble(p)) ||
        (err = plan_write(p, "template.yaml", 0, template_yaml)) ||
        (err = plan_write(p, "submit.sh", 1, submit_sh)))
        return err;
    return plan_write(p, "README.md", 0, readme);
}
