import Notebook
import ArgumentParser
