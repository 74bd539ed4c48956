"""Writers of the formats drafter writes besides its text form (the text form is written by the
templates of drafter.scaffold): each turns a model, and what changed in it, into a document."""
