// `name` of things stays quiet, also through generic containers.
export function track(project, response) {
  posthog.capture('project_opened', {
    name: project.data.name,
    plan: response.data.plan.name,
    team: response.data.attributes.name,
  });
}
