#!/usr/bin/env node
import { main } from '../dist/bundle/ftree.js';
main(process.argv);
