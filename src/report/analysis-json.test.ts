import { figuresWithoutEvidence } from './analysis-json.js';

describe('figuresWithoutEvidence', () => {
  const event = { id: 'db', prior: 0.01, posterior: 0.4, birnbaum: 0.9, pGivenTrue: 0.95, pGivenFalse: 0.001 };

  it('gives the prior as the adjusted prior, in the order the JSON and the postmortem print', () => {
    const figures = figuresWithoutEvidence({ ...event, label: 'DB down' });
    expect(figures).toEqual({ id: 'db', label: 'DB down', prior: 0.01, adjusted: 0.01, posterior: 0.4, birnbaum: 0.9 });
    expect(Object.keys(figures)).toEqual(['id', 'label', 'prior', 'adjusted', 'posterior', 'birnbaum']);
  });

  it('leaves out a label the event does not have', () => {
    expect(Object.keys(figuresWithoutEvidence(event))).toEqual(['id', 'prior', 'adjusted', 'posterior', 'birnbaum']);
  });
});
