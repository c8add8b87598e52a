// B2B account: company details go to Segment groups; none of it is personal.
const company = window.__ACCOUNT__.company;

analytics.group(company.id, {
  name: company.name,
  address: company.address,
  industry: company.industry,
  employees: company.employeeCount,
});
