// Example tabs GraphiQL opens with (when the browser has no saved tabs yet; the first one is active).
// One per question users come with. Operations are named so that the tabs get titles.

export interface ExampleTab {
  query: string;
  variables?: string;
}

const vars = (v: Record<string, unknown>): string => JSON.stringify(v, null, 2);

/**
 * From LinuxWorld 2007's sessions through each speaker's vendor to its hypervisors, their releases and driver
 * packages, their benchmark evidence and the vendor's claims with verdicts: a fixed number of SQL statements
 * whatever `first` is (a test checks it).
 */
export const CLAIM_GRAPH_QUERY = `# From each LinuxWorld 2007 session, through the speaker's vendor, to that vendor's
# hypervisors and driver packages, their benchmark evidence, and the vendor's claims with verdicts.
# (Benchmark figures are simulated: see dataNote.)
query SessionToEvidence($first: Int, $workload: String!) {
  sessions(conference: "linuxworld-2007", first: $first) {
    nodes {
      slug
      title
      speakers {
        person { name }
        vendor {
          slug
          name
          claims {
            slug
            statement
            evidence { verdict reason }
          }
          hypervisors {
            slug
            name
            performance(workload: $workload) {
              mode
              testbed { slug }
              result { count fractionOfNative { value lower upper } }
            }
            releases {
              version
              overheadVsNative(workload: $workload) { scenario { slug } count fractionOfNative }
            }
            driverPackages {
              slug
              name
              speedup(workload: $workload) {
                testbed { slug }
                driver { count }
                emulated { count }
                speedup { value lower upper }
                dataNote
              }
            }
          }
        }
      }
    }
  }
}
`;

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# Which hypervisors ran my guests on the day LinuxWorld 2007 opened,
# in which mode, with which drivers, and who could get them?
# Change asOf to "2010-01-01" to see how the answer changed.
query InteropMatrix($asOf: LocalDate) {
  interopMatrix(
    guests: ["windows-server-2003", "windows-xp", "rhel-5"]
    hypervisors: ["xen", "kvm", "microsoft-hyper-v", "vmware-esx-3-0"]
    asOf: $asOf
  ) {
    asOf
    hypervisors
    cells {
      state
      bestMode
      status
      summary
      driverPackage { name }
      requiredFeatures { name }
    }
    rowTotals { slug available }
    columnTotals { slug available }
  }
}
`,
    variables: vars({ asOf: '2007-08-07' }),
  },
  {
    query: `# How can a Windows Server 2003 guest get paravirtualized I/O on SUSE,
# under what license, who may obtain the drivers, and at what price?
query ParavirtPaths($asOf: LocalDate) {
  paravirtPaths(guest: "windows-server-2003", host: "sles-10-sp1", asOf: $asOf) {
    mode
    status
    devices
    obtainability
    priceUsd
    priceNote
    since
    driverPackage { name }
    vendor { name }
    license { name spdxId isOpenSource }
    hypervisor { name }
    statement { sources { title url publishedOn } }
  }
}
`,
    variables: vars({ asOf: '2007-08-07' }),
  },
  {
    query: `# Which support statements cover a guest (and its family) on a hypervisor?
query Compatibility($asOf: LocalDate) {
  compatibility(guest: "windows-server-2003", hypervisor: "xen", asOf: $asOf) {
    guestMatch
    mode
    status
    statement {
      hypervisorRelease { version releasedOn }
      hostOs { name }
      driverPackage { name }
      requiredFeatures { name }
      validFrom
      sources { title url }
    }
  }
}
`,
    variables: vars({ asOf: '2007-08-07' }),
  },
  {
    query: `# Who licensed what, open or closed, and how did it change?
# Compare 2007-08-07 with 2010-01-01 (Hyper-V's Linux drivers went GPLv2 in 2009).
query LicensingReport($asOf: LocalDate) {
  licensingReport(asOf: $asOf, groupBy: LICENSE_KIND) {
    totals { components open closed unknown openShare }
    groups {
      label
      openShare
      items {
        kind
        name
        vendor { name }
        obtainability
        licenseHistory { validFrom validTo license { name } obtainability }
      }
    }
  }
}
`,
    variables: vars({ asOf: '2007-08-07' }),
  },
  {
    query: `# What did the LinuxWorld 2007 virtualization track cover, and what did it miss?
query TrackCoverage {
  trackCoverage(conference: "linuxworld-2007", track: "virtualization") {
    sessionCount
    vendorPitchShare
    covered { topic { name } sessions { title } }
    uncovered { name category }
    stanceShares { stance sessionCount share }
    vendorsRepresented { vendor { name } speakers { name } }
    hardwareAnnouncements { feature { name } event date daysFromConference }
  }
}
`,
  },
  {
    query: `# The deals of 2006–2008 as a timeline: who bought, partnered with or embedded whom,
# for how much, and what each changed.
query VendorRelations {
  vendorRelations(first: 50) {
    nodes {
      kind
      from { name }
      to { name }
      announcedOn
      effectiveFrom
      amountUsd
      amountNote
      effect
      affectedHypervisors { name }
      affectedDriverPackages { name }
      sources { title url }
    }
  }
}
`,
  },
  {
    query: `# Free-text search over everything, with highlighted snippets.
query Search($q: String!) {
  search(query: $q, first: 10) {
    kind
    title
    score
    snippet
    node {
      id
      ... on DriverPackage { slug vendor { name } }
      ... on Session { slug startsAt }
    }
  }
}
`,
    variables: vars({ q: 'paravirtualized drivers windows suse' }),
  },
  {
    query: `# How well does the benchmark simulator's model fit the published numbers?
query SimulatorModel {
  simulatorModel {
    version
    targets
    targetsWithinTolerance
    maxAbsoluteError
    calibration { benchmark system published simulated relativeError withinTolerance source { title } }
  }
}
`,
  },
  {
    query: `# Hypervisors with their vendors, licenses, releases and sources.
query Hypervisors {
  hypervisors(first: 20) {
    totalCount
    nodes {
      name
      architecture
      techniques
      firstReleasedOn
      vendor { name owner(asOf: "2007-08-07") { name } }
      license { name spdxId kind }
      releases { version releasedOn releasedOnPrecision }
      sources { title publisher url publishedOn }
    }
  }
}
`,
  },
  {
    query: `# How much faster is Windows Server 2003 on Xen 3.0.4 (SLES 10 SP1) with Novell's VMDP drivers than
# with emulated devices, on disk and on the network? One paravirtPaths path: its release and guest choose
# the scenarios, and the candidate side shows the driver package. Ratio of means with a 95% interval.
# Simulated data: the dataNote names the performance model version.
query PvSpeedup($workloads: [String!]!, $release: String!, $guest: String!, $confidence: Float) {
  paravirtSpeedups(
    workloads: $workloads
    baseline: HARDWARE_ASSISTED_EMULATED
    candidate: HARDWARE_ASSISTED_PV_DRIVERS
    filter: { releases: [$release], guests: [$guest] }
    confidence: $confidence
  ) {
    workload { slug name unit higherIsBetter }
    speedup speedupLower speedupUpper
    baseline { count mean scenarios { name release { slug } } }
    candidate { count mean scenarios { name release { slug } driverPackage { slug name } } }
    dataNote
  }
}
`,
    // Written out so the Variables pane shows it whole in six lines (the workload list on one).
    variables: `{
  "workloads": ["disk-io", "disk-rand-write", "net-tx", "net-rx"],
  "release": "xen-3-0-4",
  "guest": "windows-server-2003",
  "confidence": 0.95
}`,
  },
  {
    query: `# Overhead against native, per hypervisor and mode, on a kernel build (a page-table-heavy workload),
# with the median and 99th percentile from the quantile sketches.
query OverheadByHypervisor {
  performanceStats(
    groupBy: [HYPERVISOR, MODE, TESTBED]
    filter: { workloads: ["kernel-build"] }
    percentiles: [0.5, 0.99]
  ) {
    groups {
      key { hypervisor { name } mode testbed { slug nestedPaging } }
      count mean stddev min max
      percentiles { p value }
    }
    percentileRelativeError
  }
  overheadVsNative(filter: { workloads: ["kernel-build"], testbeds: ["opteron-barcelona-2000"] }) {
    scenario { name paging }
    fractionOfNative fractionLower fractionUpper
  }
}
`,
  },
  {
    query: `# KVM across releases: fraction of native throughput per quarter of simulated time
# (virtio drivers arrive with kvm-60; nested paging with AMD Barcelona in September 2007).
query KvmOverTime {
  benchmarkTimeSeries(
    metric: FRACTION_OF_NATIVE
    bucket: QUARTER
    filter: { hypervisors: ["kvm"] }
    groupBy: [TESTBED]
  ) {
    series { key { testbed { slug } } points { period value count } }
    dataNote
  }
}
`,
  },
  {
    query: `# One hypervisor by slug (change it in the Variables pane).
query HypervisorBySlug($slug: String!) {
  hypervisor(slug: $slug) {
    name
    description
    vendor { name }
    license { name }
    driverPackages { name terms { validFrom license { name } obtainability } }
    sources { title url }
  }
}
`,
    variables: vars({ slug: 'xen' }),
  },
  {
    query: CLAIM_GRAPH_QUERY,
    variables: vars({ first: 20, workload: 'net-rx' }),
  },
];
