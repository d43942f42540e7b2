import type { StepDefinition, WorkflowDefinition } from '@/lib/domain/manifest';

/**
 * Software-delivery workflows of the demo code base. Each takes the code base's revision (0 = oldest
 * version) so successive versions differ the way real ones do: a changed command, a new input field, a new step.
 */

const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';
const IMAGE = 'registry.example.internal/${SERVICE}:${GIT_SHA}';

export function deployWorkflow(rev: number): WorkflowDefinition {
  const properties: Record<string, unknown> = {
    service: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,40}$', description: 'Service (and Helm chart) name' },
    environment: { enum: ['staging', 'production'] },
    gitSha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    branch: { type: 'string', minLength: 1, default: 'main' },
    skipTests: { type: 'boolean', default: false },
  };
  // Revision 2 adds a field to the input schema.
  if (rev >= 2) properties.canaryPercent = { type: 'integer', minimum: 0, maximum: 100, default: 10 };
  const steps: StepDefinition[] = [
    { id: 'checkout', run: 'git clone --depth 1 --branch "$BRANCH" "$REPO_URL" src && git -C src rev-parse HEAD > REVISION' },
    {
      id: 'build',
      needs: [{ step: 'checkout' }],
      // Revision 1 changes the build command, so the step's signature changes.
      run:
        rev >= 1
          ? `docker buildx build --platform linux/amd64,linux/arm64 --provenance=true -t "${IMAGE}" --push=false src 2>&1 | tee build/build.log`
          : `docker build -t "${IMAGE}" src 2>&1 | tee build/build.log`,
      outputs: ['build/build.log', 'build/image.txt'],
    },
    { id: 'unit-test', needs: [{ step: 'checkout' }], run: 'cd src && make test GOFLAGS=-count=1' },
    {
      id: 'scan-image',
      needs: [{ step: 'build' }],
      run: `trivy image --exit-code 1 --severity HIGH,CRITICAL --format json -o reports/trivy.json "${IMAGE}"`,
      outputs: ['reports/trivy.json'],
    },
    { id: 'push-image', needs: [{ step: 'build' }, { step: 'unit-test' }, { step: 'scan-image' }], run: `docker push "${IMAGE}"` },
    {
      id: 'deploy-staging',
      needs: [{ step: 'push-image' }],
      run: 'helm upgrade --install "$SERVICE" "charts/$SERVICE" --namespace staging --set image.tag="$GIT_SHA" --wait --timeout 10m',
    },
    { id: 'smoke-test', needs: [{ step: 'deploy-staging' }], run: './scripts/smoke.sh "https://$SERVICE.staging.example.internal" --retries 5' },
    { id: 'approve-production', needs: [{ step: 'smoke-test' }], hook: { description: 'Production deploy approval from #deploys' } },
    {
      id: 'deploy-production',
      needs: [{ step: 'approve-production' }],
      run: 'helm upgrade --install "$SERVICE" "charts/$SERVICE" --namespace production --set image.tag="$GIT_SHA" --atomic --wait --timeout 15m',
    },
    { id: 'rollback', needs: [{ step: 'deploy-production', when: 'on_failure' }], run: 'helm rollback "$SERVICE" 0 --namespace production --wait' },
    {
      id: 'notify-failure',
      needs: [{ step: 'smoke-test', when: 'on_failure' }],
      run: './scripts/notify.sh --channel "#deploys" --status failed --run "$FLOWDECK_RUN_ID"',
    },
    {
      id: 'report-skipped',
      needs: [{ step: 'deploy-production', when: 'on_skipped' }],
      run: './scripts/notify.sh --channel "#deploys" --status skipped --run "$FLOWDECK_RUN_ID"',
    },
  ];
  if (rev >= 8) {
    steps.push({ id: 'post-deploy-checks', needs: [{ step: 'deploy-production' }], run: './scripts/slo-check.sh "$SERVICE" --window 15m' });
  }
  return {
    description: 'Build, scan and roll a service out to staging, then to production after approval',
    input: { $schema: SCHEMA, type: 'object', required: ['service', 'environment', 'gitSha'], properties, additionalProperties: false },
    steps,
  };
}

export const TEST_SHARDS = 30;

export function buildAndTestWorkflow(rev: number): WorkflowDefinition {
  const shards: StepDefinition[] = Array.from({ length: TEST_SHARDS }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const reporter = rev >= 7 ? ` --reporter=default --reporter=junit --outputFile=reports/junit-${n}.xml` : '';
    return { id: `test-shard-${n}`, needs: [{ step: 'build' }], run: `npx vitest run --shard=${i + 1}/${TEST_SHARDS} --coverage${reporter}` };
  });
  const steps: StepDefinition[] = [
    { id: 'checkout', run: 'git fetch --depth 50 origin "$REF" && git checkout --force "$COMMIT_SHA"' },
    {
      id: 'install',
      needs: [{ step: 'checkout' }],
      run: rev >= 4 ? 'corepack enable && pnpm install --frozen-lockfile --prefer-offline' : 'npm ci --no-audit --prefer-offline',
    },
    { id: 'lint', needs: [{ step: 'install' }], run: 'npx eslint . --max-warnings 0' },
    { id: 'typecheck', needs: [{ step: 'install' }], run: 'npx tsc --noEmit -p .' },
    { id: 'build', needs: [{ step: 'install' }], run: 'npm run build 2>&1 | tee build.log', outputs: ['build.log', 'dist/'] },
    ...shards,
    {
      id: 'merge-coverage',
      needs: shards.map((s) => ({ step: s.id })),
      run: 'npx nyc merge coverage/shards coverage/merged.json && npx nyc report --reporter=lcov --reporter=json-summary',
      outputs: ['coverage/lcov.info', 'coverage/coverage-summary.json'],
    },
    { id: 'upload-test-results', needs: [{ step: 'merge-coverage' }], run: 'codecov upload-process --file coverage/lcov.info --sha "$COMMIT_SHA"' },
    {
      id: 'publish-preview',
      needs: [{ step: 'merge-coverage' }, { step: 'lint' }, { step: 'typecheck' }],
      run: 'npx wrangler pages deploy dist --branch "$REF" --commit-hash "$COMMIT_SHA"',
    },
    { id: 'notify-failure', needs: [{ step: 'lint', when: 'on_failure' }], run: 'gh pr comment "$PR" --body-file .github/lint-failed.md' },
    {
      id: 'report-skipped',
      needs: [{ step: 'publish-preview', when: 'on_skipped' }],
      run: 'gh pr comment "$PR" --body "Preview not published: an upstream check did not pass."',
    },
  ];
  return {
    description: 'Pull-request CI: install, lint, typecheck, build, 30 test shards, coverage and a preview deploy',
    input: {
      $schema: SCHEMA,
      type: 'object',
      required: ['repo', 'ref', 'commitSha'],
      properties: {
        repo: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9._-]+$' },
        ref: { type: 'string', minLength: 1 },
        commitSha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
        pullRequest: { type: 'integer', minimum: 1 },
        nodeVersion: { enum: ['20', '22', '24'], default: '22' },
        coverage: { type: 'boolean', default: true },
      },
      additionalProperties: false,
    },
    steps,
  };
}

export function releaseWorkflow(rev: number): WorkflowDefinition {
  return {
    description: 'Tag, build, sign and publish a release; promote to latest after approval and a cool-down',
    input: {
      $schema: SCHEMA,
      type: 'object',
      required: ['version', 'channel'],
      properties: {
        version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?$' },
        channel: { enum: ['stable', 'beta', 'canary'] },
        prerelease: { type: 'boolean', default: false },
        releaseManager: { type: 'string', format: 'email' },
      },
      additionalProperties: false,
    },
    steps: [
      { id: 'tag', run: 'git tag -a "v$VERSION" -m "Release v$VERSION" && git push origin "v$VERSION"' },
      {
        id: 'build-artifacts',
        needs: [{ step: 'tag' }],
        run: 'make dist VERSION="$VERSION" && (cd dist && sha256sum *.tar.gz > checksums.txt)',
        outputs: ['dist/checksums.txt', 'dist/contents.txt'],
      },
      {
        id: 'sign',
        needs: [{ step: 'build-artifacts' }],
        run: 'cosign sign-blob --yes --key env://COSIGN_KEY --output-signature dist/checksums.txt.sig dist/checksums.txt',
        outputs: ['dist/checksums.txt.sig'],
      },
      { id: 'changelog', needs: [{ step: 'tag' }], run: 'git-cliff --tag "v$VERSION" --unreleased -o CHANGELOG.md', outputs: ['CHANGELOG.md'] },
      { id: 'publish-npm', needs: [{ step: 'sign' }], run: 'npm publish --tag "$CHANNEL" --provenance --access public' },
      {
        id: 'publish-docker',
        needs: [{ step: 'sign' }],
        run: 'docker buildx imagetools create -t "ghcr.io/acme/flowctl:$VERSION" "ghcr.io/acme/flowctl:sha-$GIT_SHA"',
      },
      {
        id: 'approve-release',
        needs: [{ step: 'publish-npm' }, { step: 'publish-docker' }, { step: 'changelog' }],
        hook: { description: 'Release manager sign-off' },
      },
      // Revision 5 lengthens the cool-down.
      { id: 'cool-down', needs: [{ step: 'approve-release' }], sleep: rev >= 5 ? '2h' : '1h' },
      { id: 'promote-latest', needs: [{ step: 'cool-down' }], run: 'npm dist-tag add "flowctl@$VERSION" latest' },
      { id: 'announce', needs: [{ step: 'promote-latest' }], run: './scripts/announce.sh --version "$VERSION" --changelog CHANGELOG.md' },
      {
        id: 'notify-failure',
        needs: [{ step: 'promote-latest', when: 'on_failure' }],
        run: './scripts/page.sh release-oncall "promote-latest failed for $VERSION"',
      },
    ],
  };
}
