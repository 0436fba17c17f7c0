"""Rules of the sponsors room, one module per concern:

- ``selectors``: sponsors by tier, a challenge's sponsors, a sponsor's challenges in a language;
- ``figures``: a sponsor's figures (employees engaged, cohorts, actions, impact units) and the
  same per week for the dashboard and its CSV export (counts only, never a person);
- ``enrolment``: employees joining the internal programme (company code or email domain);
- ``mobilisers``: employees the sponsor names to be trained as coordinators;
- ``enquiry``: the « Devenir sponsor » enquiry, stored and emailed by the contact form page.
"""
