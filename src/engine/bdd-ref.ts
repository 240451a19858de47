// The reference to a BDD node (engine stage), shared by the BDD and its computed tables.

/**
 * A BDD reference: a signed node index, negative for a complemented edge (as in CUDD and dd).
 * Node 1 is the terminal; `ONE` is the constant true and `ZERO = -ONE` the constant false.
 */
export type BddRef = number;
